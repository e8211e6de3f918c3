import { describe, expect, it } from 'vitest';
import { isValidCnpj, isValidCpf } from '#brazilian-ids';
import { SeededRandom } from '../random.js';
import { applyDuimpOverrides, buildDuimpCover, generateDuimpSpec, taxaUtilizacaoSiscomex } from './duimp-generator.js';
import { NCMS } from './reference-data.js';

const context = (versao = 1) => ({
  numero: '26BR00000000017',
  versao,
  criadaEm: new Date('2026-03-10T12:00:00Z'),
  registradaEm: new Date('2026-03-10T12:05:00Z'),
  versaoRegistradaEm: new Date('2026-03-10T12:05:00Z'),
});

const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;

describe('seeded Duimp generator', () => {
  it('the same seed gives the same Duimp; another seed another one', () => {
    const a = buildDuimpCover(generateDuimpSpec(42), context());
    const b = buildDuimpCover(generateDuimpSpec(42), context());
    expect(b).toEqual(a);
    const c = generateDuimpSpec(43);
    expect(c).not.toEqual(generateDuimpSpec(42));
  });

  it('generates valid CNPJ/CPF check digits and importer data the model allows', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const spec = generateDuimpSpec(seed);
      expect(isValidCnpj(spec.niImportador)).toBe(true);
      expect(isValidCpf(spec.cpfResponsavel)).toBe(true);
      expect(spec.nomeImportador.length).toBeGreaterThan(0);
      expect(spec.nomeImportador.length).toBeLessThanOrEqual(100);
      expect(spec.itens.length).toBeGreaterThanOrEqual(1);
      for (const item of spec.itens) expect(item.ncm).toMatch(/^\d{8}$/);
      expect(spec.uaDespacho).toMatch(/^\d{7}$/);
    }
    const person = generateDuimpSpec(7, { tipoImportador: '2' });
    expect(isValidCpf(person.niImportador)).toBe(true);
  });

  it('derives the UFs of interest from clearance, importer and third party', () => {
    const spec = generateDuimpSpec(5, { ufImportador: 'SP', ufDespacho: 'MG' });
    expect(spec.ufsInteresse).toEqual([
      { uf: 'MG', tipoInteresse: 'DESPACHO' },
      { uf: 'SP', tipoInteresse: 'IMPORTADOR' },
    ]);
    const third = generateDuimpSpec(5, { ufImportador: 'SP', ufDespacho: 'MG', ufTerceiro: 'GO' });
    expect(third.ufsInteresse).toContainEqual({ uf: 'GO', tipoInteresse: 'TERCEIRO' });
    expect(isValidCnpj(third.terceiro!.ni)).toBe(true);
    const explicit = generateDuimpSpec(5, { ufs: [{ uf: 'RS', tipoInteresse: 'IMPORTADOR' }] });
    expect(explicit.ufsInteresse).toEqual([{ uf: 'RS', tipoInteresse: 'IMPORTADOR' }]);
  });

  it('an override changes only its field: the rest of the seed stays', () => {
    const base = generateDuimpSpec(99);
    const renamed = generateDuimpSpec(99, { nomeImportador: 'Importadora Teste Ltda' });
    expect(renamed.nomeImportador).toBe('Importadora Teste Ltda');
    expect({ ...renamed, nomeImportador: base.nomeImportador }).toEqual(base);
    const moved = generateDuimpSpec(99, { ufDespacho: 'PR' });
    expect(moved.uaDespacho).toBe('0917800');
    expect(moved.itens).toEqual(base.itens);
  });

  it('the cover adds up: item values, freight and insurance shares, taxes and payments', () => {
    const spec = generateDuimpSpec(2024, { itens: [{ ncm: NCMS[0]!.ncm, quantidade: 10, valorUnitario: 100 }, {}, {}] });
    const cover = buildDuimpCover(spec, context()) as any;
    expect(cover.itens).toHaveLength(3);
    expect(cover.itens[0].itemTributo.dadosMercadoria).toMatchObject({ quantidadeUnidadeComercializada: 10, valorUnitarioCondicaoVenda: 100 });
    expect(cover.itens[0].itemTributo.dadosMercadoria.valorMercadoriaCondicaoVendaMoedaNegociada).toBe(1000);

    const values = cover.itens.map((item: any) => item.itemTributo.valorMercadoria);
    const carga = cover.dadosCarga;
    expect(sum(values.map((v: any) => v.valorFreteRateado))).toBe(carga.valorFreteTotalEmReal);
    expect(sum(values.map((v: any) => v.valorSeguroRateado))).toBe(carga.valorSeguroEmReal);
    const resumo = cover.sefazDadosResumo;
    expect(sum(values.map((v: any) => v.valorMercadoria))).toBe(resumo.valorTotalMercadoriaLocalEmbarque.valorTotalMercadoriaLocalEmbarqueReal);
    for (const v of values) expect(v.valorAduaneiro).toBe(Math.round((v.valorMercadoria + v.valorFreteRateado + v.valorSeguroRateado) * 100) / 100);

    for (const tributo of resumo.dadosTributos.tributosCalculados) {
      const perItem = cover.itens.map(
        (item: any) => item.itemTributo.calculosTributos.find((c: any) => c.imposto.codigo === tributo.imposto.codigo).valorDevido,
      );
      expect(sum(perItem)).toBe(tributo.valorDevido);
    }
    const paid = sum(resumo.pagamentosDebitoConta.map((p: any) => p.valorTributo));
    const owed = sum(resumo.dadosTributos.tributosCalculados.filter((t: any) => t.valorDevido > 0).map((t: any) => t.valorDevido));
    expect(paid).toBe(sum([owed, resumo.dadosTributos.taxaUtilizacao]));
    expect(cover.niImportador).toBe(Number(spec.niImportador));
  });

  it('a retification that raises the taxes debits only the difference, under the new version', () => {
    const spec = generateDuimpSpec(11, { itens: [{ quantidade: 100, valorUnitario: 50 }] });
    const v1 = buildDuimpCover(spec, context(1)) as any;
    const retified = applyDuimpOverrides(spec, { itens: [{ ncm: spec.itens[0]!.ncm, quantidade: 200, valorUnitario: 50 }] }, new SeededRandom(1));
    const v2 = buildDuimpCover(retified, { ...context(2), pagamentosAnteriores: v1.sefazDadosResumo.pagamentosDebitoConta }) as any;
    const added = v2.sefazDadosResumo.pagamentosDebitoConta.filter((p: any) => p.versaoDuimpPagamento === '0002');
    expect(added.length).toBeGreaterThan(0);
    const ii = (cover: any) => cover.sefazDadosResumo.dadosTributos.tributosCalculados.find((t: any) => t.imposto.codigo === 'II').valorDevido;
    expect(added.find((p: any) => p.codigoReceita === '0086').valorTributo).toBe(Math.round((ii(v2) - ii(v1)) * 100) / 100);
  });

  it('charges the Siscomex fee per declaration and per adição', () => {
    expect(taxaUtilizacaoSiscomex(1)).toBe(115.67);
    expect(taxaUtilizacaoSiscomex(3)).toBe(192.79);
    expect(taxaUtilizacaoSiscomex(5)).toBe(254.49);
  });
});
