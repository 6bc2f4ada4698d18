/**
 * Secrets of this install, one record each. A key is a WebCrypto `CryptoKey` made with
 * `extractable: false`: scripts of the extension can use it but never read its bytes, and it is
 * never exported with the log. (Anyone who copies the browser profile copies the key too; see
 * SECURITY.md, "a stolen profile".)
 */
export interface KeyRecord {
  /** What the key is for, e.g. `ticket-hash`. */
  name: string;
  key: CryptoKey;
  /** Epoch ms when the key was made. */
  createdAt: number;
}
