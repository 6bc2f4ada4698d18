import { createHash, createPublicKey, createVerify, generateKeyPairSync } from 'node:crypto';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  extensionIdFromPublicKey,
  packCrx3,
  publicKeyBase64,
  readPrivateKey,
  updateManifestXml,
} from '@/lib/deploy/crx';
import { PROJECT_CHROMIUM_KEY } from '@/lib/deploy/flavour';

/** Reads protobuf length-delimited fields (all CRX3 uses) into field number → values. */
function fields(bytes: Buffer): Map<number, Buffer[]> {
  const out = new Map<number, Buffer[]>();
  let i = 0;
  const varint = () => {
    let shift = 0;
    let value = 0;
    for (;;) {
      const b = bytes[i++] as number;
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
      shift += 7;
    }
  };
  while (i < bytes.length) {
    const key = varint();
    expect(key & 7).toBe(2);
    const length = varint();
    const list = out.get(key >>> 3) ?? [];
    list.push(bytes.subarray(i, i + length));
    out.set(key >>> 3, list);
    i += length;
  }
  return out;
}

describe('CRX3 packing', () => {
  it('derives the documented id from the project key', () => {
    expect(extensionIdFromPublicKey(PROJECT_CHROMIUM_KEY)).toBe('goicafbopgmglpknogenjjonlofpnpji');
  });

  it('writes a header Chrome can verify: the key, a signature over the signed data and the zip, the id', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = readPrivateKey(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    const zip = zipSync({ 'manifest.json': new TextEncoder().encode('{"manifest_version":3}') });
    const crx = packCrx3(zip, key);

    expect(crx.subarray(0, 4).toString('latin1')).toBe('Cr24');
    expect(crx.readUInt32LE(4)).toBe(3);
    const headerLength = crx.readUInt32LE(8);
    const header = fields(crx.subarray(12, 12 + headerLength));
    const archive = crx.subarray(12 + headerLength);
    expect(Object.keys(unzipSync(archive))).toEqual(['manifest.json']);

    const [proof] = header.get(2) ?? [];
    const [signedData] = header.get(10000) ?? [];
    expect(proof && signedData).toBeTruthy();
    const proofFields = fields(proof as Buffer);
    const spki = proofFields.get(1)?.[0] as Buffer;
    const signature = proofFields.get(2)?.[0] as Buffer;
    expect(spki.toString('base64')).toBe(publicKeyBase64(key));
    const crxId = fields(signedData as Buffer).get(1)?.[0] as Buffer;
    expect(crxId).toEqual(createHash('sha256').update(spki).digest().subarray(0, 16));

    const length = Buffer.alloc(4);
    length.writeUInt32LE((signedData as Buffer).length);
    const verify = createVerify('sha256');
    verify.update(Buffer.from('CRX3 SignedData\x00', 'latin1'));
    verify.update(length);
    verify.update(signedData as Buffer);
    verify.update(archive);
    expect(verify.verify(createPublicKey(key), signature)).toBe(true);
    // A changed archive no longer verifies.
    const tampered = createVerify('sha256');
    tampered.update(Buffer.from('CRX3 SignedData\x00', 'latin1'));
    tampered.update(length);
    tampered.update(signedData as Buffer);
    tampered.update(Buffer.concat([archive, Buffer.from([0])]));
    expect(tampered.verify(createPublicKey(key), signature)).toBe(false);
  });

  it('refuses keys Chrome cannot sign with', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => readPrivateKey(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string)).toThrow(/RSA/);
  });

  it('writes the update manifest with the id, version and CRX address', () => {
    const xml = updateManifestXml({
      id: 'abcdefghijklmnopabcdefghijklmnop',
      version: '0.1.0.2',
      crxUrl: "https://intranet.acme.com/rg/replyguard-0.1.0.2.crx?a=1&b='2'",
    });
    expect(xml).toContain("<app appid='abcdefghijklmnopabcdefghijklmnop'>");
    expect(xml).toContain(
      "<updatecheck codebase='https://intranet.acme.com/rg/replyguard-0.1.0.2.crx?a=1&amp;b=&apos;2&apos;' version='0.1.0.2' />",
    );
  });
});
