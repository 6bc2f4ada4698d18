import { type PackError, validatePack } from '../engine/packs/validate';
import { checkOverrides } from './check';
import type { SettingsOverrides, SettingsProblem } from './schema';

/**
 * Full validation of settings a person writes (options page, import): the key-by-key check plus
 * every rule pack through `validatePack` (schema, cross checks, its own examples). Pulls in zod,
 * so only the options page and tests import it — never the content script.
 */

/** The file format of a settings export; `version` is the storage version it came from. */
export const SETTINGS_FILE_FORMAT = 'replyguard-settings';
export const SETTINGS_FILE_VERSION = 2;

export type SettingsValidation = { ok: true; value: SettingsOverrides } | { ok: false; problems: SettingsProblem[] };

const packProblems = (i: number, errors: readonly PackError[]): SettingsProblem[] =>
  errors.map((e) => ({ path: `rulePacks[${i}]${e.path === '(pack)' ? '' : `.${e.path}`}`, message: e.message }));

/** Checks user settings completely; any problem rejects the whole object. */
export function validateSettingsOverrides(input: unknown): SettingsValidation {
  const { value, problems } = checkOverrides(input, 'user');
  const packs = (input as { rulePacks?: unknown } | null)?.rulePacks;
  if (Array.isArray(packs)) {
    packs.forEach((pack, i) => {
      const result = validatePack(pack);
      if (!result.ok) problems.push(...packProblems(i, result.errors));
    });
  }
  return problems.length > 0 ? { ok: false, problems: dedupe(problems) } : { ok: true, value };
}

/** Pack problems of a policy's packs, for the options page to show beside the locked packs. */
export function policyPackProblems(policyPacks: unknown): SettingsProblem[] {
  if (!Array.isArray(policyPacks)) return [];
  return policyPacks.flatMap((pack, i) => {
    const result = validatePack(pack);
    return result.ok ? [] : packProblems(i, result.errors).map((p) => ({ ...p, path: `policy:${p.path}` }));
  });
}

function dedupe(problems: SettingsProblem[]): SettingsProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The text of a settings export: the user's own choices only (the policy travels by policy). */
export function exportSettingsFile(overrides: SettingsOverrides, now: Date): string {
  return `${JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: SETTINGS_FILE_VERSION, exportedAt: now.toISOString(), settings: overrides }, null, 2)}\n`;
}

/** Reads an exported settings file. Nothing of a file with any problem is applied. */
export function parseSettingsFile(text: string): SettingsValidation {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '(file)', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== SETTINGS_FILE_FORMAT) {
    return {
      ok: false,
      problems: [{ path: '(file)', message: 'not a ReplyGuard settings export (use “Export settings” to make one)' }],
    };
  }
  const { version, settings } = data as { version?: unknown; settings?: unknown };
  if (version !== SETTINGS_FILE_VERSION) {
    return {
      ok: false,
      problems: [
        {
          path: 'version',
          message: `this file is version ${String(version)}; this ReplyGuard reads version ${SETTINGS_FILE_VERSION}`,
        },
      ],
    };
  }
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    return { ok: false, problems: [{ path: 'settings', message: 'missing the "settings" object' }] };
  }
  return validateSettingsOverrides(settings);
}
