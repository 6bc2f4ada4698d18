import { createHash, createPrivateKey, createPublicKey, createSign, type KeyObject } from 'node:crypto';

/**
 * Chrome's extension package, CRX version 3, for self-hosted installs (an organisation's build,
 * force-installed by policy from its own update manifest). Node's crypto only: the format is a
 * small protobuf header in front of the zip (the CrxFileHeader and SignedData messages of
 * Chromium's components/crx_file/crx3.proto), signed with the organisation's RSA key.
 */

/** The public half of a key as Chrome stores it in a manifest `key`: base64 DER SubjectPublicKeyInfo. */
export function publicKeyBase64(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return pub.export({ type: 'spki', format: 'der' }).toString('base64');
}

/**
 * The extension id Chrome derives from a public key: the first 16 bytes of its SHA-256, each
 * hex digit written as a letter from `a` (0) to `p` (15).
 */
export function extensionIdFromPublicKey(spkiBase64: string): string {
  const digest = createHash('sha256').update(Buffer.from(spkiBase64, 'base64')).digest('hex').slice(0, 32);
  return [...digest].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

/** Reads a PEM private key (PKCS#8 as `chrome --pack-extension` writes it, or PKCS#1); RSA only. */
export function readPrivateKey(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'rsa') throw new Error('The key must be an RSA private key (as Chrome makes them).');
  return key;
}

function varint(n: number): Buffer {
  const out: number[] = [];
  let v = n;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
  return Buffer.from(out);
}

/** One length-delimited protobuf field. */
function field(num: number, bytes: Buffer): Buffer {
  return Buffer.concat([varint((num << 3) | 2), varint(bytes.length), bytes]);
}

function uint32le(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

const SIGNATURE_CONTEXT = Buffer.from('CRX3 SignedData\x00', 'latin1');

/** Signs `zip` into a CRX3 file with `privateKey`; the id is `extensionIdFromPublicKey(publicKeyBase64(privateKey))`. */
export function packCrx3(zip: Uint8Array, privateKey: KeyObject): Buffer {
  const spki = Buffer.from(publicKeyBase64(privateKey), 'base64');
  const crxId = createHash('sha256').update(spki).digest().subarray(0, 16);
  // SignedData { bytes crx_id = 1; }
  const signedData = field(1, crxId);
  const signer = createSign('sha256');
  signer.update(SIGNATURE_CONTEXT);
  signer.update(uint32le(signedData.length));
  signer.update(signedData);
  signer.update(zip);
  const signature = signer.sign(privateKey);
  // CrxFileHeader { repeated AsymmetricKeyProof sha256_with_rsa = 2; bytes signed_header_data = 10000; }
  // AsymmetricKeyProof { bytes public_key = 1; bytes signature = 2; }
  const header = Buffer.concat([
    field(2, Buffer.concat([field(1, spki), field(2, signature)])),
    field(10000, signedData),
  ]);
  return Buffer.concat([Buffer.from('Cr24', 'latin1'), uint32le(3), uint32le(header.length), header, zip]);
}

/**
 * Chrome's update manifest (the `update_url` a policy names): which version of the extension to
 * install and where its CRX is.
 */
export function updateManifestXml(options: { id: string; version: string; crxUrl: string }): string {
  const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/</g, '&lt;');
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${attr(options.id)}'>`,
    `    <updatecheck codebase='${attr(options.crxUrl)}' version='${attr(options.version)}' />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}
