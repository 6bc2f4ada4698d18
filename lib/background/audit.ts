import { type InstallIdentity, installIdentity } from '../audit/install-key';
import { adoptUnchainedRows, type ChainContext, createChainSigner } from '../audit/live-chain';
import type { ReplyGuardDb } from '../db/database';

/** The background's side of the audit trail: its install key, the chain context of every write, the signer. */
export interface BackgroundAudit {
  /** What the write paths pass to append to the chain; makes the install key at the first call. */
  context(): Promise<ChainContext>;
  /** Signs the chain's new head after a write (in the background of the write: errors are logged). */
  afterWrite(): void;
  /** Resolves once the key exists, rows from before the audit trail are chained and the head signed. */
  start(): Promise<void>;
}

export function createBackgroundAudit(db: ReplyGuardDb): BackgroundAudit {
  let identity: Promise<InstallIdentity> | null = null;
  const id = (): Promise<InstallIdentity> => {
    identity ??= installIdentity(db).catch((error: unknown) => {
      identity = null;
      throw error;
    });
    return identity;
  };
  const signer = createChainSigner(db, id);
  const context = async (): Promise<ChainContext> => ({ install: (await id()).idBytes });
  return {
    context,
    afterWrite() {
      signer.sign().catch((error: unknown) => console.warn('ReplyGuard: could not sign the audit chain', error));
    },
    async start() {
      await adoptUnchainedRows(db, await context());
      await signer.sign();
    },
  };
}
