import { generateCnpj, generateCpf } from '#brazilian-ids';
import {
  CANAIS_DUIMP,
  DUE_SITUACOES,
  DUIMP_PAYLOAD_EVENTOS,
  type EventPayload,
  findCatalogEvent,
  LPCO_OPERACOES,
  LPCO_SITUACOES,
  RESULTADOS_ANALISE,
  stampPayload,
  TIPOS_INTERESSE,
  TIPOS_SOLICITACAO_ICMS,
  UFS,
} from '#catalog';
import { formatBrasiliaIso, formatBrazilianDate, formatPortalDate } from '#clock';
import { buildDuimpNumber } from '../duimp/duimp-number.js';
import { buildLpcoNumber, LPCO_MODELOS } from '../lpco/lpco.js';
import { SeededRandom } from '../random.js';

/*
 * Example bodies for `POST /admin/eventos` without a payload: drawn from a seed, so the same seed and time
 * give the same body, and valid against the event's schema. Identifiers only, like the real notifications.
 */

type Example = (draw: Draw) => EventPayload;

/** The draws an example needs: seeded numbers and the event's simulated time. */
class Draw extends SeededRandom {
  constructor(
    seed: number,
    readonly at: Date,
    /** The recipients' UFs, when the event goes to Sefaz: the body names them, as a real one would. */
    private readonly recipientUfs: readonly string[] = [],
  ) {
    super(seed);
  }

  /** UFs of interest: the recipients' when known, else two drawn. */
  ufs(): string[] {
    return this.recipientUfs.length > 0 ? [...this.recipientUfs] : [...new Set([this.pick(UFS), this.pick(UFS)])];
  }

  get year(): string {
    return formatPortalDate(this.at).slice(2, 4);
  }

  duimp(): string {
    return buildDuimpNumber(this.year, this.int(1, 9_999_999));
  }

  due(): string {
    return `${this.year}BR${this.digits(10)}`;
  }

  ruc(): string {
    return `${this.year.slice(1)}BR${this.digits(32)}`;
  }

  cpfOrCnpj(): string {
    return this.int(0, 1) === 0 ? generateCpf(this.next) : generateCnpj(this.next);
  }

  /** A moment before the event, in whole minutes. */
  earlier(maxDays: number): Date {
    return new Date(this.at.getTime() - this.int(60, maxDays * 1440) * 60_000);
  }
}

function duimpSefaz(id: string): Example {
  return (draw) => {
    const eventos = DUIMP_PAYLOAD_EVENTOS[id]!;
    const ufs = draw.ufs();
    return {
      numero: draw.duimp(),
      versao: draw.int(1, 3),
      ...(eventos.length > 0 ? { evento: draw.pick(eventos) } : {}),
      ufs: ufs.map((uf, index) => ({ uf, tipoInteresse: index === 0 ? 'DESPACHO' : draw.pick(TIPOS_INTERESSE) })),
    };
  };
}

const pcce: Example = (draw) => ({
  numeroDeclaracao: draw.duimp(),
  versaoDeclaracao: String(draw.int(1, 3)),
  tipoSolicitacao: draw.pick(TIPOS_SOLICITACAO_ICMS),
  ufFavorecida: draw.ufs()[0],
});

const anexacao: Example = (draw) => ({
  tipoOperacao: 'DUIMP',
  numeroOperacao: draw.duimp(),
  idDocumento: draw.int(1, 9_999_999_999),
});

function lpco(extra?: string): Example {
  return (draw) => {
    const model = draw.pick(Object.keys(LPCO_MODELOS));
    const situacao = draw.pick(Object.keys(LPCO_SITUACOES) as Array<keyof typeof LPCO_SITUACOES>);
    const importacao = model.startsWith('I');
    const body: Record<string, unknown> = {
      numeroLPCO: buildLpcoNumber(importacao ? 'I' : 'E', draw.year, draw.int(1, 99_999_999)),
      codigoModelo: model,
      novaSituacao: { id: situacao, descricao: LPCO_SITUACOES[situacao] },
      justificativa: 'Conforme análise documental.',
      cpfCnpj: [draw.cpfOrCnpj()],
    };
    if (extra === 'operacao') {
      const tipoOperacao = draw.pick(importacao ? LPCO_OPERACOES.slice(0, 2) : LPCO_OPERACOES.slice(2));
      body.operacao = { tipoOperacao, numeroOperacao: tipoOperacao === 'DUIMP' ? draw.duimp() : tipoOperacao === 'DUE' ? draw.due() : draw.digits(10) };
    }
    if (extra === 'resultado') body.resultado = draw.pick(RESULTADOS_ANALISE);
    if (extra === 'numeroDUE') body.numeroDUE = draw.due();
    if (extra === 'mensagem') body.mensagem = 'Informações do pedido em conferência.';
    return body;
  };
}

function duimpPrivado(label: string, extra: (draw: Draw, base: Record<string, unknown>) => Record<string, unknown>): Example {
  return (draw) => {
    const base = {
      code: `DIMP-IN${draw.digits(4)}`,
      message: `A solicitação de ${label.toLowerCase()} da sua Duimp foi concluída.`,
      identificacao: { numero: draw.duimp(), versao: String(draw.int(1, 3)) },
      niImportador: draw.cpfOrCnpj(),
      situacaoDuimp: draw.pick(['REGISTRADA_AGUARDANDO_CANAL', 'EM_CONFERENCIA_SELECIONADA', 'DESEMBARACADA_AGUARDANDO_ENTREGA_CARGA']),
      evento: [`Solicitação de ${label}`],
    };
    return { ...base, ...extra(draw, base) };
  };
}

const diagnostico = (draw: Draw, withResults: boolean) => ({
  situacao: withResults ? 'COM_ERROS' : 'SEM_ERROS',
  dataGeracao: formatPortalDate(draw.at),
  ...(withResults
    ? { resultado: [{ tipo: 'ERRO', item: draw.int(1, 20), mensagem: { codigo: `DIMP-ER${draw.digits(4)}`, texto: 'Campo obrigatório não informado.' }, sistemaOrigem: 'DUIMP' }] }
    : {}),
});

const cctrCargo: Example = (draw) => ({ due: { numero: draw.due(), ruc: draw.ruc() } });

const crt: Example = (draw) =>
  Array.from({ length: draw.int(1, 2) }, () => ({
    numeroCarga: `${draw.pick(['AR', 'UY', 'PY', 'CL'])}${draw.digits(9)}`,
    dataEmissao: formatBrasiliaIso(draw.earlier(10)),
    motivoBloqueio: draw.pick(['Sob análise da RFB', 'Divergência de peso', 'Exigência de órgão anuente']),
    tipoBloqueio: draw.pick(['Impede entrega da carga ao importador', 'Impede trânsito aduaneiro']),
  }));

const EXAMPLES: Record<string, Example> = {
  ...Object.fromEntries(Object.keys(DUIMP_PAYLOAD_EVENTOS).map((id) => [id, duimpSefaz(id)])),
  'pcce-calculo-icms': pcce,
  'pcce-cancela-icms': pcce,
  'anex-docs-sefaz': anexacao,
  'dimp-diag-import': duimpPrivado('Diagnóstico', (draw) => ({ situacaoDuimp: '', diagnostico: diagnostico(draw, true) })),
  'dimp-registro-import': duimpPrivado('Registro', (draw) => ({ registroIniciado: true, diagnostico: diagnostico(draw, false) })),
  'dimp-retifica-import': duimpPrivado('Retificação', (draw) => ({ diagnostico: diagnostico(draw, false) })),
  'dimp-situacao-import': duimpPrivado('Registro', (draw) => ({ canal: draw.pick(CANAIS_DUIMP) })),
  'dimp-icms-import': duimpPrivado('Cálculo do ICMS', () => ({})),
  'duex-historico': (draw) => {
    const tipo = draw.pick(DUE_SITUACOES);
    const descricao = { REGISTRADA: 'Registro', DESEMBARACADA: 'Desembaraço', AVERBADA_SEM_DIVERGENCIA: 'Averbação' }[tipo];
    return { tipo, descricao, due: { numero: draw.due(), ruc: draw.ruc() } };
  },
  'cctr-resultado-recepcao': (draw) => ({
    protocolo: `RCAR-${formatPortalDate(draw.at).slice(0, 10).replaceAll('-', '')}-${draw.digits(7)}-${draw.digits(4)}`,
    situacao: draw.pick(['CONCLUÍDO COM SUCESSO', 'CONCLUÍDO COM FALHA']),
  }),
  'cctr-carga-liberada': cctrCargo,
  'cctr-carga-bloqueio': cctrCargo,
  'cctr-canal-vermelho': cctrCargo,
  'catp-prod-desativado': (draw) => {
    const cnpj = generateCnpj(draw.next);
    const ncm = draw.digits(8);
    return {
      titulo: `Produtos desativados no catálogo da empresa ${cnpj}`,
      mensagem: `Os produtos catalogados para o código NCM ${ncm} foram desativados.`,
      cpfCnpjRaiz: cnpj.slice(0, 8),
      ncm,
    };
  },
  'ccti-bloq-crt': crt,
  'ccti-desbloq-crt': crt,
  'ccti-vinc-docto-saida': (draw) => {
    const duimp = draw.duimp();
    return {
      tipoDocumentoSaida: 'DUIMP',
      numeroDocumentoSaida: `${duimp.slice(0, 14)}-${duimp.slice(14)}`,
      identificacaoCarga: draw.digits(10),
      dataEmissaoCarga: `${formatBrazilianDate(draw.earlier(20), 'minutes')} (UTC -03:00)`,
      cnpjResponsavelArquivoCarga: generateCnpj(draw.next),
    };
  },
};

const LPCO_EXTRAS: Record<string, string> = {
  'talp-incvinc-lpco': 'operacao',
  'talp-cancvinc-lpco': 'operacao',
  'talp-analise-retif': 'resultado',
  'talp-analise-prorrog': 'resultado',
  'talp-analise-compat': 'resultado',
  'talp-pend-ta-due': 'numeroDUE',
  'talp-msg-lpco-anu': 'mensagem',
  'talp-msg-lpco-int': 'mensagem',
  'talp-retif-automat': 'mensagem',
  'talp-falha-pagamento': 'mensagem',
};

/**
 * A valid example body of `evento` at the simulated time `at`; the same seed gives the same body. For an
 * event to Sefaz, `recipientUfs` are the UFs the body names as interested (or favoured).
 */
export function examplePayload(evento: string, at: Date, seed = 1, recipientUfs: readonly string[] = []): EventPayload {
  const event = findCatalogEvent(evento);
  if (!event) throw new Error(`Unknown catalogue event ${evento}`);
  const example = EXAMPLES[evento] ?? (event.sistema === 'TA-LPCO' ? lpco(LPCO_EXTRAS[evento]) : undefined);
  if (!example) throw new Error(`No example for ${evento}`);
  return stampPayload(evento, example(new Draw(seed, at, recipientUfs)), at);
}
