/**
 * The agent-replies set: replies written the way human support agents write them, each with the
 * customer messages it answers (and earlier agent replies where the thread had them). Written for
 * this project (no dataset text), in tests/fixtures/agent-replies/*.jsonl, one reply per line:
 * {"topic", "customer": [...], "agent"?: [...], "reply"}. The accuracy benchmark and a unit test
 * measure how often the rules raise an alarm on them: these replies are fine to send, so every
 * warning is a false alarm. The rules were tuned while looking at the first 318;
 * `written-after-tuning.jsonl` (30) was written afterwards and first measured as it was.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One human reply with its conversation. */
export interface AgentReply {
  topic: string;
  customer: string[];
  agent?: string[];
  reply: string;
  /** Where it came from, for messages: file name and line. */
  source: string;
}

const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'agent-replies');

/** Every reply of the set, in file then line order. */
export function agentReplies(): AgentReply[] {
  const out: AgentReply[] = [];
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    readFileSync(path.join(folder, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.trim() === '') return;
        const r = JSON.parse(line) as Omit<AgentReply, 'source'>;
        out.push({ ...r, source: `${file}:${i + 1}` });
      });
  }
  return out;
}
