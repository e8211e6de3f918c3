import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFile, sha256Hex, unzipStored, zipStored } from './document-file.js';

const source = {
  tipoOperacao: 'DUIMP',
  numeroOperacao: '21BR00000002386',
  nomeArquivo: 'fatura-comercial.pdf',
  nomeTipoDocumento: 'Fatura Comercial',
  attachedAt: new Date('2026-12-01T13:00:00.000Z'),
};

describe('e-Docex document files', () => {
  it('generates the same PDF for the same document, with a valid xref table', () => {
    const first = documentFile(source);
    expect(first.contentType).toBe('application/pdf');
    expect(sha256Hex(first.bytes)).toBe(sha256Hex(documentFile(source).bytes));
    expect(sha256Hex(first.bytes)).not.toBe(sha256Hex(documentFile({ ...source, numeroOperacao: '21BR00000002394' }).bytes));
    const text = first.bytes.toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    const xref = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(xref, xref + 4)).toBe('xref');
    // Every object offset of the table points at its "N 0 obj".
    const offsets = [...text.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    offsets.forEach((offset, index) => expect(text.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true));
  });

  it('writes XML for an .xml name, escaping its content', () => {
    const file = documentFile({ ...source, nomeArquivo: 'a<b>&.xml' });
    expect(file.contentType).toBe('application/xml');
    expect(file.bytes.toString('utf8')).toContain('<nomeArquivo>a&#60;b&#62;&#38;.xml</nomeArquivo>');
  });

  it('zips deterministically and reads back what it wrote; unzip(1) agrees', () => {
    const entries = [
      { name: 'fatura-comercial.pdf', data: documentFile(source).bytes },
      { name: 'leia-me.txt', data: Buffer.from('ç') },
    ];
    const zip = zipStored(entries, source.attachedAt);
    expect(zipStored(entries, source.attachedAt).equals(zip)).toBe(true);
    expect(unzipStored(zip).map((entry) => [entry.name, sha256Hex(entry.data)])).toEqual(
      entries.map((entry) => [entry.name, sha256Hex(entry.data)]),
    );
    const dir = mkdtempSync(join(tmpdir(), 'zip-'));
    writeFileSync(join(dir, 'a.zip'), zip);
    let tested: string;
    try {
      tested = execFileSync('unzip', ['-t', join(dir, 'a.zip')], { encoding: 'utf8' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // no unzip on this host: the round trip above stands
      throw error;
    }
    expect(tested).toContain('No errors detected');
  });
});
