import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { unzipStored } from '#domain';
import { simulatorSuite } from './support/deliveries.js';
import { notified } from './support/journeys.js';
import { fromXml, loginSistema, type PortalSession, XML_HEADERS } from './support/portal-client.js';
import { scenario } from './support/scenarios.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * The Sefaz's Anexação journey: a document is made available for a Duimp, the Sefaz is notified
 * (`anex-docs-sefaz`), lists the operation's documents and downloads the one whose `idDocumento` it got:
 * real bytes whose hash is the listed `sha256`, the same on every download. Another UF is refused.
 */
describe('the Sefaz Anexação journey: made available → notified → listed → downloaded', () => {
  const { sim, receiver } = simulatorSuite();

  const formats = {
    JSON: {
      get: (session: PortalSession, path: string) => session.call('GET', path),
      read: (text: string): any => JSON.parse(text),
      documentos: (body: any): any[] => body.documentos,
    },
    XML: {
      get: (session: PortalSession, path: string) => session.call('GET', path, undefined, { Accept: XML_HEADERS.Accept }),
      read: (text: string): any => Object.values(fromXml(text))[0],
      documentos: (body: any): any[] => [body.documentos].flat(),
    },
  };

  for (const [name, format] of Object.entries(formats)) {
    it(`in ${name}`, async () => {
      const sp = await loginSistema(sim(), { uf: 'SP' });
      const hook = await receiver([{ status: 200 }]);
      const subscribed = await sp.call('POST', '/portal/api/ext/webhook', { evento: 'anex-docs-sefaz', endpoint: hook.url });
      expect(subscribed.status, subscribed.text).toBe(200);

      const { numero } = (await scenario(sim(), 'POST', '/admin/duimps', { ufImportador: 'SP', ufDespacho: 'MG' })).duimp;
      const made = (await scenario(sim(), 'POST', '/admin/documentos', { numeroOperacao: numero, idTipoDocumento: 1 })).documento;
      const notice = await notified(hook, 'anex-docs-sefaz');
      expect(notice).toMatchObject({ tipoOperacao: 'DUIMP', numeroOperacao: numero, idDocumento: made.idDocumento });

      const listed = await format.get(sp, `/edocex/api/ext/documentos-operacao/${notice.tipoOperacao}/${notice.numeroOperacao}`);
      expect(listed.status, listed.text).toBe(200);
      const list = format.read(listed.text);
      expect(list).toMatchObject({ numeroOperacao: numero, tipoOperacao: 'DUIMP' });
      const [documento] = format.documentos(list);
      expect(documento).toMatchObject({ nomeTipoDocumento: 'Fatura Comercial', nomeArquivo: 'fatura-comercial.pdf' });
      expect(Number(documento.id)).toBe(notice.idDocumento);
      expect(documento.sha256).toMatch(/^[0-9a-f]{64}$/);

      const downloaded = await format.get(sp, `/edocex/api/ext/documentos/download/${notice.idDocumento}`);
      expect(downloaded.status, downloaded.text).toBe(200);
      const download = format.read(downloaded.text);
      const [file] = unzipStored(Buffer.from(download.arquivoZipBase64, 'base64'));
      expect(file.name).toBe('fatura-comercial.pdf');
      expect(file.data.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
      expect(sha256(file.data)).toBe(documento.sha256);
      expect(download.documento).toMatchObject({ sha256: documento.sha256, documentoLido: name === 'XML' ? 'true' : true });
      // The same bytes on every download.
      const again = format.read((await format.get(sp, `/edocex/api/ext/documentos/download/${notice.idDocumento}`)).text);
      expect(again.arquivoZipBase64).toBe(download.arquivoZipBase64);

      // RJ had nothing made available: refused; an unknown id is 404; a bad one 422.
      const rj = await loginSistema(sim(), { uf: 'RJ' });
      expect((await format.get(rj, `/edocex/api/ext/documentos/download/${notice.idDocumento}`)).status).toBe(403);
      expect((await format.get(rj, `/edocex/api/ext/documentos-operacao/DUIMP/${numero}`)).status).toBe(403);
      expect((await format.get(sp, `/edocex/api/ext/documentos/download/${notice.idDocumento + 1000}`)).status).toBe(404);
      expect((await format.get(sp, '/edocex/api/ext/documentos/download/abc')).status).toBe(422);
      expect((await format.get(sp, `/edocex/api/ext/documentos-operacao/XYZ/${numero}`)).status).toBe(422);
      const anvisa = await loginSistema(sim(), { orgao: 'ANVISA' });
      expect((await format.get(anvisa, `/edocex/api/ext/documentos/download/${notice.idDocumento}`)).status).toBe(403);
    });
  }
});
