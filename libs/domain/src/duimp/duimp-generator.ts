import { type Uf, UFS } from '#catalog';
import { formatPortalDateMillis } from '#clock';
import { generateCnpj, generateCpf } from '#brazilian-ids';
import { round, SeededRandom } from '../random.js';
import { type Canal, deriveUfsInteresse, type UfInteresse } from './duimp-codes.js';
import { formatDuimpVersion } from './duimp-number.js';
import {
  COMPANY_SECTORS,
  COMPANY_SUFFIXES,
  COUNTRIES,
  type Country,
  CUSTOMS_UNITS,
  FIRST_NAMES,
  FOREIGN_SUPPLIERS,
  IMPORTER_UFS,
  NCMS,
  type NcmReference,
  SURNAMES,
} from './reference-data.js';

export type ViaTransporte = 'MARITMO' | 'AEREA' | 'RODOVIARIO';
export type IndicadorImportacaoTerceiros = 'IMPORTACAO_POR_CONTA_E_ORDEM' | 'IMPORTACAO_POR_ENCOMENDA';
type Tributo = 'II' | 'IPI' | 'PIS' | 'COFINS';

export interface DuimpItemSpec {
  ncm: string;
  descricao: string;
  unidadeEstatistica: string;
  unidadeComercializada: string;
  quantidade: number;
  valorUnitarioUsd: number;
  pesoLiquidoKg: number;
  paisOrigem: Country;
  fornecedor: string;
  codigoProduto: string;
  aliquotas: Record<Tributo, number>;
}

export interface TerceiroSpec {
  ni: string;
  nome: string;
  uf: Uf;
  indicador: IndicadorImportacaoTerceiros;
}

/**
 * Everything a Duimp is built from: drawn from a seed, then overridden field by field. The Sefaz cover
 * (`buildDuimpCover`) is a pure function of it, so a retification recomputes values and taxes.
 */
export interface DuimpSpec {
  seed: number;
  tipoImportador: '1' | '2';
  niImportador: string;
  nomeImportador: string;
  ufImportador: Uf;
  cpfResponsavel: string;
  ufDespacho: Uf;
  uaDespacho: string;
  terceiro: TerceiroSpec | null;
  ufsInteresse: UfInteresse[];
  /** True when the caller gave `ufs`: then they are kept as given instead of derived. */
  ufsInformadas: boolean;
  canal: Canal;
  viaTransporte: ViaTransporte;
  identificacaoCarga: string;
  paisProcedencia: Country;
  taxaDolar: number;
  freteUsd: number;
  seguroUsd: number;
  conta: { banco: string; agencia: string; conta: string };
  itens: DuimpItemSpec[];
}

export interface DuimpItemOverrides {
  ncm?: string;
  descricao?: string;
  quantidade?: number;
  valorUnitario?: number;
  paisOrigem?: string;
}

/** What a caller may fix instead of letting the seed decide (portal field names). */
export interface DuimpOverrides {
  tipoImportador?: '1' | '2';
  niImportador?: string;
  nomeImportador?: string;
  ufImportador?: Uf;
  cpfResponsavel?: string;
  ufDespacho?: Uf;
  uaDespacho?: string;
  /** A third party's UF (import on behalf of an acquirer); `null` removes it. */
  ufTerceiro?: Uf | null;
  ufs?: UfInteresse[];
  canal?: Canal;
  viaTransporte?: ViaTransporte;
  itens?: DuimpItemOverrides[];
}

const DESPACHO_UFS: ReadonlyArray<readonly [Uf, number]> = [
  ['SP', 40], ['PR', 14], ['SC', 14], ['RJ', 14], ['ES', 5], ['AM', 5], ['RS', 4], ['MG', 4],
];
const CANAIS_WEIGHTED: ReadonlyArray<readonly [Canal, number]> = [['1', 80], ['12', 8], ['3', 10], ['15', 2]];
const BANKS = ['001', '033', '104', '237', '341'];

export function customsUnit(uf: Uf): { codigo: string; nome: string; via: ViaTransporte } {
  const known = CUSTOMS_UNITS[uf];
  if (known) return known;
  // Units of the other UFs: a stable synthetic code in the 7-digit format.
  return { codigo: `0${String(UFS.indexOf(uf) + 10).padStart(2, '0')}0100`, nome: `Inspetoria da Receita Federal em ${uf}`, via: 'RODOVIARIO' };
}

function companyName(rng: SeededRandom): string {
  const first = rng.pick(SURNAMES);
  let second = rng.pick(SURNAMES);
  if (second === first) second = 'Brasil';
  return `${first} & ${second} ${rng.pick(COMPANY_SECTORS)} ${rng.pick(COMPANY_SUFFIXES)}`;
}

function personName(rng: SeededRandom): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)} ${rng.pick(SURNAMES)}`;
}

function genericNcm(ncm: string): NcmReference {
  return {
    ncm,
    descricao: `Mercadoria classificada na NCM ${ncm}`,
    unidadeEstatistica: 'UNIDADE',
    unidadeComercializada: 'UNIDADE',
    precoUsd: [5, 200],
    pesoUnitarioKg: 1,
    aliquotas: { II: 14, IPI: 5, PIS: 2.1, COFINS: 9.65 },
  };
}

function drawItem(rng: SeededRandom, override: DuimpItemOverrides = {}): DuimpItemSpec {
  // Draw every field even when overridden, so one override never shifts the rest of the seed's data.
  const drawn = rng.pick(NCMS);
  const drawnPrice = rng.decimal(drawn.precoUsd[0], drawn.precoUsd[1], 2);
  const drawnQuantity = rng.int(10, 2_000);
  const drawnCountry = rng.weighted(COUNTRIES);
  const supplier = rng.pick(FOREIGN_SUPPLIERS);
  const productCode = String(rng.int(1, 99_999));

  const reference = override.ncm ? (NCMS.find((entry) => entry.ncm === override.ncm) ?? genericNcm(override.ncm)) : drawn;
  const quantidade = override.quantidade ?? drawnQuantity;
  const country = override.paisOrigem
    ? (COUNTRIES.find(([entry]) => entry.codigo === override.paisOrigem)?.[0] ?? { codigo: override.paisOrigem, descricao: override.paisOrigem })
    : drawnCountry;
  return {
    ncm: reference.ncm,
    descricao: override.descricao ?? reference.descricao,
    unidadeEstatistica: reference.unidadeEstatistica,
    unidadeComercializada: reference.unidadeComercializada,
    quantidade,
    valorUnitarioUsd: override.valorUnitario ?? (override.ncm ? rng.decimal(reference.precoUsd[0], reference.precoUsd[1], 2) : drawnPrice),
    pesoLiquidoKg: round(quantidade * reference.pesoUnitarioKg, 5),
    paisOrigem: country,
    fornecedor: supplier,
    codigoProduto: productCode,
    aliquotas: { ...reference.aliquotas },
  };
}

/** A Duimp's data from a seed: the same seed and overrides always give the same Duimp. */
export function generateDuimpSpec(seed: number, overrides: DuimpOverrides = {}): DuimpSpec {
  const rng = new SeededRandom(seed);
  const ufImportador = rng.weighted(IMPORTER_UFS);
  const sameUf = rng.next() < 0.55 && CUSTOMS_UNITS[ufImportador] !== undefined;
  const otherDespacho = rng.weighted(DESPACHO_UFS);
  const ufDespacho = sameUf ? ufImportador : otherDespacho;
  const unit = customsUnit(ufDespacho);
  const cnpj = generateCnpj(rng.next);
  const cpfImportador = generateCpf(rng.next);
  const company = companyName(rng);
  const person = personName(rng);
  const cpfResponsavel = generateCpf(rng.next);
  const terceiroNi = generateCnpj(rng.next);
  const terceiroNome = companyName(rng);
  const canal = rng.weighted(CANAIS_WEIGHTED);
  const cargoDigits = rng.digits(15);
  const paisProcedencia = rng.weighted(COUNTRIES);
  const taxaDolar = rng.decimal(4.9, 5.9, 4);
  const freightShare = rng.decimal(0.03, 0.08, 4);
  const insuranceShare = rng.decimal(0.001, 0.005, 4);
  const conta = { banco: rng.pick(BANKS), agencia: rng.digits(4), conta: rng.digits(7) };
  const itemCount = rng.weighted([[1, 45], [2, 30], [3, 15], [4, 10]] as const);
  const itens = Array.from({ length: itemCount }, () => drawItem(rng));
  const fob = itens.reduce((sum, item) => sum + item.quantidade * item.valorUnitarioUsd, 0);

  const base: DuimpSpec = {
    seed,
    tipoImportador: '1',
    niImportador: cnpj,
    nomeImportador: company,
    ufImportador,
    cpfResponsavel,
    ufDespacho,
    uaDespacho: unit.codigo,
    terceiro: null,
    ufsInteresse: deriveUfsInteresse(ufDespacho, ufImportador),
    ufsInformadas: false,
    canal,
    viaTransporte: unit.via,
    identificacaoCarga: cargoDigits,
    paisProcedencia,
    taxaDolar,
    freteUsd: round(fob * freightShare),
    seguroUsd: round(fob * insuranceShare),
    conta,
    itens,
  };
  // A natural person imports under a CPF and a person's name.
  const tipoImportador = overrides.tipoImportador ?? '1';
  const withTipo: DuimpSpec =
    tipoImportador === '2' ? { ...base, tipoImportador, niImportador: cpfImportador, nomeImportador: person } : base;
  return applyDuimpOverrides(withTipo, overrides, new SeededRandom(seed ^ 0x5f3759df), { ni: terceiroNi, nome: terceiroNome });
}

/**
 * Applies overrides to a spec (creation, or a retification on the previous version's spec). Items given
 * replace the list; their missing fields are drawn from `rng`.
 */
export function applyDuimpOverrides(
  spec: DuimpSpec,
  overrides: DuimpOverrides,
  rng: SeededRandom,
  terceiroDefaults: { ni: string; nome: string } = { ni: generateCnpj(rng.next), nome: companyName(rng) },
): DuimpSpec {
  const ufImportador = overrides.ufImportador ?? spec.ufImportador;
  const ufDespacho = overrides.ufDespacho ?? spec.ufDespacho;
  const unit = customsUnit(ufDespacho);
  const despachoChanged = overrides.ufDespacho !== undefined && overrides.ufDespacho !== spec.ufDespacho;

  let terceiro = spec.terceiro;
  if (overrides.ufTerceiro === null) terceiro = null;
  else if (overrides.ufTerceiro) {
    terceiro = terceiro
      ? { ...terceiro, uf: overrides.ufTerceiro }
      : { ...terceiroDefaults, uf: overrides.ufTerceiro, indicador: 'IMPORTACAO_POR_CONTA_E_ORDEM' };
  }

  const itens = overrides.itens ? overrides.itens.map((item) => drawItem(rng, item)) : spec.itens;
  const ufsInformadas = overrides.ufs !== undefined || spec.ufsInformadas;
  const ufsInteresse = overrides.ufs
    ? overrides.ufs.map((entry) => ({ uf: entry.uf, tipoInteresse: entry.tipoInteresse }))
    : spec.ufsInformadas
      ? spec.ufsInteresse
      : deriveUfsInteresse(ufDespacho, ufImportador, terceiro?.uf);

  return {
    ...spec,
    tipoImportador: overrides.tipoImportador ?? spec.tipoImportador,
    niImportador: overrides.niImportador ?? spec.niImportador,
    nomeImportador: overrides.nomeImportador ?? spec.nomeImportador,
    ufImportador,
    cpfResponsavel: overrides.cpfResponsavel ?? spec.cpfResponsavel,
    ufDespacho,
    uaDespacho: overrides.uaDespacho ?? (despachoChanged ? unit.codigo : spec.uaDespacho),
    viaTransporte: overrides.viaTransporte ?? (despachoChanged ? unit.via : spec.viaTransporte),
    terceiro,
    ufsInteresse,
    ufsInformadas,
    canal: overrides.canal ?? spec.canal,
    itens,
  };
}

// ---------------------------------------------------------------------------------------------------
// The Sefaz cover (SefazDuimpCover fields that belong to one version).

const TRIBUTOS: ReadonlyArray<{ codigo: Tributo; descricao: string; receita: string; descricaoReceita: string }> = [
  { codigo: 'II', descricao: 'Imposto de Importação', receita: '0086', descricaoReceita: 'Imposto de Importação' },
  { codigo: 'IPI', descricao: 'Imposto sobre Produtos Industrializados', receita: '1038', descricaoReceita: 'IPI - Importação' },
  { codigo: 'PIS', descricao: 'PIS/PASEP - Importação', receita: '5602', descricaoReceita: 'PIS - Importação' },
  { codigo: 'COFINS', descricao: 'COFINS - Importação', receita: '5629', descricaoReceita: 'COFINS - Importação' },
];
const TAXA_SISCOMEX_RECEITA = '7811';
/** Siscomex fee: R$ 115.67 per declaration plus a decreasing amount per adição. */
const TAXA_ADICAO: ReadonlyArray<readonly [upTo: number, value: number]> = [
  [1, 0], [3, 38.56], [5, 30.85], [10, 23.14], [20, 15.42], [50, 7.71], [Infinity, 3.86],
];
const USD_SISCOMEX = 220;

export function taxaUtilizacaoSiscomex(adicoes: number): number {
  let total = 115.67;
  for (let adicao = 2; adicao <= adicoes; adicao++) total += TAXA_ADICAO.find(([upTo]) => adicao <= upTo)![1];
  return round(total);
}

export interface Pagamento {
  versaoDuimpPagamento: string;
  banco: string;
  agencia: string;
  conta: string;
  codigoReceita: string;
  descricaoReceita: string;
  valorTributo: number;
  dataHoraPagamento: string;
}

export interface DuimpCoverContext {
  numero: string;
  versao: number;
  criadaEm: Date;
  registradaEm: Date;
  versaoRegistradaEm: Date;
  /** Payments of earlier versions; this version pays only what its taxes add to them. */
  pagamentosAnteriores?: Pagamento[];
}

/** Splits `total` in proportion to `weights`, the last share taking the rounding rest so the parts add up. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((weight) => round((total * weight) / sum));
  shares[shares.length - 1] = round(total - shares.slice(0, -1).reduce((a, b) => a + b, 0));
  return shares;
}

const date = (value: Date) => formatPortalDateMillis(value).slice(0, 10);

/**
 * The version's part of `SefazDuimpCover` (portal field names and formats). The parts that change after
 * registration — `situacaoDeclaracao`, `versaoDeclaracaoVigente`, `dataHoraRegistroVersaoVigente`,
 * `itensHistorico` — are added when the cover is served (see `assembleSefazDuimpCover`).
 */
export function buildDuimpCover(spec: DuimpSpec, context: DuimpCoverContext): Record<string, any> {
  const versao = formatDuimpVersion(context.versao);
  const fobUsd = spec.itens.map((item) => round(item.quantidade * item.valorUnitarioUsd));
  const fobBrl = fobUsd.map((value) => round(value * spec.taxaDolar));
  const totalFobUsd = round(fobUsd.reduce((a, b) => a + b, 0));
  const totalFobBrl = round(fobBrl.reduce((a, b) => a + b, 0));
  const freteBrl = round(spec.freteUsd * spec.taxaDolar);
  const seguroBrl = round(spec.seguroUsd * spec.taxaDolar);
  const fretes = apportion(freteBrl, fobBrl);
  const seguros = apportion(seguroBrl, fobBrl);
  const fatoGerador = formatPortalDateMillis(context.versaoRegistradaEm);
  const totals: Record<Tributo, number> = { II: 0, IPI: 0, PIS: 0, COFINS: 0 };
  const terceiro = spec.terceiro;

  const itens = spec.itens.map((item, index) => {
    const valorAduaneiro = round(fobBrl[index]! + fretes[index]! + seguros[index]!);
    const ii = round((valorAduaneiro * item.aliquotas.II) / 100);
    const calculated: Record<Tributo, { base: number; value: number }> = {
      II: { base: valorAduaneiro, value: ii },
      IPI: { base: round(valorAduaneiro + ii), value: round(((valorAduaneiro + ii) * item.aliquotas.IPI) / 100) },
      PIS: { base: valorAduaneiro, value: round((valorAduaneiro * item.aliquotas.PIS) / 100) },
      COFINS: { base: valorAduaneiro, value: round((valorAduaneiro * item.aliquotas.COFINS) / 100) },
    };
    for (const tributo of TRIBUTOS) totals[tributo.codigo] = round(totals[tributo.codigo] + calculated[tributo.codigo].value);
    return {
      numeroItem: String(index + 1).padStart(5, '0'),
      caracterizacaoImportacao: terceiro
        ? {
            indicadorImportacaoTerceiros: terceiro.indicador,
            tipoIdentificacaoTerceiro: '1',
            identificacaoTerceiro: terceiro.ni,
            uf: terceiro.uf,
            nome: terceiro.nome,
          }
        : { indicadorImportacaoTerceiros: 'IMPORTACAO_DIRETA' },
      dadosProduto: {
        codigoProduto: item.codigoProduto,
        versaoProduto: '1',
        niResponsavelProduto: spec.niImportador.slice(0, 8),
        codigoNCM: item.ncm,
        paisOrigem: item.paisOrigem,
      },
      relacaoExportadorFabricante: '1',
      vinculacaoCompradorVendedor: '1',
      dadosOperadorExportador: {
        codigoOperadorExportador: `${item.paisOrigem.codigo}${String(index + 1).padStart(3, '0')}`,
        versaoOperadorExportador: '1',
        paisOperadorExportador: item.paisOrigem,
        niOperadorExportador: spec.niImportador.slice(0, 8),
      },
      informacoesComplementares: { descricaoComplementarMercadoria: `${item.descricao}. Fornecedor: ${item.fornecedor}` },
      dadosCambiais: { coberturaCambial: '1', valorCoberturaCambial: fobUsd[index] },
      condicaoVendaMercadoria: { metodoValoracao: 1, incoterm: 'FOB', acrescimosDeducoes: [] },
      itemTributo: {
        dadosMercadoria: {
          tipoAplicacao: '2',
          condicao: '1',
          unidadeEstatistica: item.unidadeEstatistica,
          quantidadeUnidadeEstatistica: item.unidadeEstatistica === 'QUILOGRAMA LIQUIDO' ? item.pesoLiquidoKg : item.quantidade,
          pesoLiquido: item.pesoLiquidoKg,
          unidadeComercializada: item.unidadeComercializada,
          quantidadeUnidadeComercializada: item.quantidade,
          moedaNegociada: USD_SISCOMEX,
          valorUnitarioCondicaoVenda: item.valorUnitarioUsd,
          valorMercadoriaCondicaoVendaMoedaNegociada: fobUsd[index],
          valorMercadoriaCondicaoVendaReal: fobBrl[index],
        },
        valorMercadoria: {
          valorMercadoria: fobBrl[index],
          valorFreteRateado: fretes[index],
          valorSeguroRateado: seguros[index],
          valorAduaneiro,
        },
        tributosAplicados: TRIBUTOS.map((tributo) => ({
          tributo: { codigo: tributo.codigo, descricao: tributo.descricao },
          regime: { codigo: '1', descricao: 'RECOLHIMENTO INTEGRAL' },
        })),
        calculosTributos: TRIBUTOS.map((tributo) => ({
          imposto: { codigo: tributo.codigo, descricao: tributo.descricao },
          valorBaseCalculo: calculated[tributo.codigo].base,
          tipoAliquota: { codigo: '1', descricao: 'Ad valorem' },
          valorAliquota: item.aliquotas[tributo.codigo],
          valorCalculado: calculated[tributo.codigo].value,
          valorAReduzir: 0,
          valorDevido: calculated[tributo.codigo].value,
          valorSuspenso: 0,
          impostoARecolher: calculated[tributo.codigo].value,
          valorNormal: calculated[tributo.codigo].value,
          indicadorTributado: item.aliquotas[tributo.codigo] > 0 ? '1' : '2',
        })),
      },
      lpcos: [],
      informacoesAdicionais: { dataHoraFatoGerador: fatoGerador },
    };
  });

  const adicoes = new Set(spec.itens.map((item) => `${item.ncm}/${item.paisOrigem.codigo}`)).size;
  const taxaUtilizacao = taxaUtilizacaoSiscomex(adicoes);
  const pagamentos = payments(spec, context, { ...totals }, taxaUtilizacao);
  const pesoLiquido = round(spec.itens.reduce((sum, item) => sum + item.pesoLiquidoKg, 0), 5);
  const maritime = spec.viaTransporte === 'MARITMO';

  return {
    numeroDeclaracao: context.numero,
    versaoDeclaracao: versao,
    dataHoraCriacao: formatPortalDateMillis(context.criadaEm),
    dataHoraRegistro: formatPortalDateMillis(context.registradaEm),
    cpfResponsavel: spec.cpfResponsavel,
    tipoImportador: spec.tipoImportador,
    // The model types it Long: a CNPJ starting with 0 loses its leading zeros, as in the portal.
    niImportador: Number(spec.niImportador),
    nomeImportador: spec.nomeImportador,
    ufImportador: spec.ufImportador,
    canalSelecao: spec.canal,
    equipesTrabalho: [{ orgao: 'RECEITA', equipeTrabalho: `${spec.uaDespacho}1` }],
    informacoesSituacaoEspecialDespacho: { indSituacaoEspecialDespacho: 'N' },
    dadosCarga: {
      tipoIdentificacaoCarga: maritime ? 'CE' : 'RUC',
      identificacaoCarga: maritime
        ? spec.identificacaoCarga
        : `${context.numero.slice(1, 2)}BR${spec.niImportador.slice(0, 8)}${spec.identificacaoCarga.slice(0, 10)}`,
      uaDeclarada: spec.uaDespacho,
      ufDeclarada: spec.ufDespacho,
      uaEntradaCarga: spec.uaDespacho,
      ufEntradaCarga: spec.ufDespacho,
      uaDestinoFinal: spec.uaDespacho,
      viaTransporte: spec.viaTransporte,
      dataChegada: date(new Date(context.criadaEm.getTime() - 2 * 86_400_000)),
      paisProcedencia: spec.paisProcedencia,
      pesoLiquido,
      moedaFreteTotal: USD_SISCOMEX,
      valorFreteTotalMoedaUtiliza: spec.freteUsd,
      valorFreteTotalEmReal: freteBrl,
      valorFreteTotalDolar: spec.freteUsd,
      moedaSeguro: USD_SISCOMEX,
      valorSeguroMoedaUtilizada: spec.seguroUsd,
      valorSeguroEmReal: seguroBrl,
      valorSeguroDolar: spec.seguroUsd,
      ...(maritime
        ? {
            dadosCargaAquaviaria: {
              tipoConhecimento: { codigo: '10', descricao: 'BL' },
              // AFRMM: 8% of the long-haul freight.
              valorAFRMMDevido: round(freteBrl * 0.08),
              valorAFRMMPago: round(freteBrl * 0.08),
              indicadorAFRMMQuitado: '1',
            },
          }
        : spec.viaTransporte === 'AEREA'
          ? { dadosCargaAerea: { tipoConhecimento: 'AWB', quantidadeVolumes: Math.max(1, Math.round(pesoLiquido / 20)) } }
          : { dadosCargaRodoviaria: { tipoConhecimento: 'CRT', quantidadeVolumes: Math.max(1, Math.round(pesoLiquido / 50)) } }),
    },
    documentosInstrutivoDespacho: [
      { tipo: { codigo: '1', descricao: 'Fatura comercial' }, palavrasChave: [{ codigo: 1, valor: `INV-${spec.identificacaoCarga.slice(0, 6)}` }] },
      { tipo: { codigo: '2', descricao: 'Conhecimento de carga' }, palavrasChave: [{ codigo: 2, valor: spec.identificacaoCarga }] },
    ],
    processosVinculados: [],
    docDeclaracoesExportacaoEstrangeira: [],
    sefazDadosResumo: {
      valorTotalMercadoriaLocalEmbarque: {
        valorTotalMercadoriaLocalEmbarqueDolar: totalFobUsd,
        valorTotalMercadoriaLocalEmbarqueReal: totalFobBrl,
        valorTotalMercadoriaLocalDescargaReal: round(totalFobBrl + freteBrl + seguroBrl),
      },
      dadosTributos: {
        tributosCalculados: TRIBUTOS.map((tributo) => ({
          imposto: { codigo: tributo.codigo, descricao: tributo.descricao },
          valorCalculado: totals[tributo.codigo],
          valorAReduzir: 0,
          valorSuspenso: 0,
          valorDevido: totals[tributo.codigo],
          impostoARecolher: totals[tributo.codigo],
        })),
        quantidadeAdicoes: adicoes,
        taxaUtilizacao,
      },
      pagamentosDebitoConta: pagamentos,
    },
    itens,
  };
}

/** Federal taxes are debited at registration; a retification that raises them debits the difference. */
function payments(spec: DuimpSpec, context: DuimpCoverContext, totals: Record<Tributo, number>, taxa: number): Pagamento[] {
  const previous = context.pagamentosAnteriores ?? [];
  const paid = (receita: string) => previous.filter((p) => p.codigoReceita === receita).reduce((sum, p) => round(sum + p.valorTributo), 0);
  const owed = [
    ...TRIBUTOS.map((tributo) => ({ receita: tributo.receita, descricao: tributo.descricaoReceita, value: totals[tributo.codigo] })),
    { receita: TAXA_SISCOMEX_RECEITA, descricao: 'Taxa de Utilização do Siscomex', value: taxa },
  ];
  const added = owed
    .map((entry) => ({ ...entry, value: round(entry.value - paid(entry.receita)) }))
    .filter((entry) => entry.value > 0)
    .map((entry) => ({
      versaoDuimpPagamento: formatDuimpVersion(context.versao),
      ...spec.conta,
      codigoReceita: entry.receita,
      descricaoReceita: entry.descricao,
      valorTributo: entry.value,
      dataHoraPagamento: formatPortalDateMillis(context.versaoRegistradaEm),
    }));
  return [...previous, ...added];
}
