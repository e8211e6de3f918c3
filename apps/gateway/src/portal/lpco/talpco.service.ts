import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LPCO_SITUACOES } from '#catalog';
import { PortalException, PortalValidationException } from '#common';
import { type Interveniente, Lpco } from '#database';
import { LPCO_NUMBER_PATTERN, lpcoAnuenteTargets } from '#domain';
import type { PortalSession } from '../auth/portal-auth.guard.js';
import { LpcoActions } from '../../business/lpco/lpco-actions.service.js';
import { brasiliaDate } from '../../business/unit-of-work.service.js';
import type { Page } from '../duimp/sefaz-duimp.service.js';
import { parseBoundedInt } from '../duimp/sefaz-duimp.service.js';
import type { AlterarSituacaoLpcoDto } from './dto/alterar-situacao-lpco.dto.js';
import type { ExigenciaLpcoDto } from './dto/exigencia-lpco.dto.js';
import { toConsultarLpcoResponse, toExigencias, toHistorico, toLpcoDetalhado } from './lpco.view.js';

/** `/ext/lpco/consulta` declares no page size: the simulator's fixed page (206 while more remain). */
export const LPCO_CONSULTA_PAGE_SIZE = 50;

const invalid = (code: string, field: string, message: string): never => {
  throw new PortalValidationException([{ code, field, message }], message);
};

const forbidden = (message: string): never => {
  throw new PortalException(403, 'PUCX-ER0403', message);
};

export interface ConsultaLpcoQuery {
  [parameter: string]: string | undefined;
}

/** Query parameters of `/ext/lpco/consulta`: name → [format, what the 422 says]. */
const CONSULTA_FORMATS: Record<string, [RegExp, string]> = {
  'tipo-operacao': [/^(EXPORTACAO|IMPORTACAO)$/, 'EXPORTACAO ou IMPORTACAO'],
  offset: [/^\d{1,10}$/, 'um inteiro não negativo'],
  numero: [LPCO_NUMBER_PATTERN, 'OAANNNNNNNN'],
  situacao: [new RegExp(`^(${Object.keys(LPCO_SITUACOES).join('|')})$`), 'uma situação de LPCO'],
  situacaoProrrogacao: [/^(PARA_ANALISE|AGUARDANDO_PAGAMENTO|DEFERIDO|INDEFERIDO)$/, 'PARA_ANALISE, AGUARDANDO_PAGAMENTO, DEFERIDO ou INDEFERIDO'],
  situacaoRetificacao: [/^(PARA_ANALISE|AGUARDANDO_PAGAMENTO|DEFERIDO|INDEFERIDO)$/, 'PARA_ANALISE, AGUARDANDO_PAGAMENTO, DEFERIDO ou INDEFERIDO'],
  situacaoCompatibilizacao: [/^(PARA_ANALISE|AGUARDANDO_PAGAMENTO|DEFERIDO|INDEFERIDO)$/, 'PARA_ANALISE, AGUARDANDO_PAGAMENTO, DEFERIDO ou INDEFERIDO'],
  'codigo-modelo': [/^[EI]\d{5}$/, 'ONNNNN'],
  'orgao-anuente': [/^[A-Z0-9-]{1,30}$/, 'a sigla do órgão (até 30 caracteres)'],
  'importador-exportador': [/^(\d{11}|\d{14})$/, 'CPF (11) ou CNPJ (14 dígitos)'],
  'data-inicial-registro': [/^\d{4}-\d{2}-\d{2}$/, 'yyyy-MM-dd'],
  'data-final-registro': [/^\d{4}-\d{2}-\d{2}$/, 'yyyy-MM-dd'],
  'pais-destino': [/^[A-Z]{2}$/, 'código ISO de 2 letras'],
  'pais-importador': [/^[A-Z]{2}$/, 'código ISO de 2 letras'],
  due: [/^\d{2}BR(\d{10}|\d{11})$/, 'número de DU-E (14) ou Duimp (15)'],
  'ncm-inicial': [/^\d{8}$/, '8 dígitos'],
  'ncm-final': [/^\d{8}$/, '8 dígitos'],
  'carga-despacho': [/^(true|false)$/, 'true ou false'],
  'numero-documento-orgao': [/^.{1,30}$/, 'até 30 caracteres'],
  'operacao-vinculada': [/^(true|false)$/, 'true ou false'],
  'numero-li': [/^\d{10}$/, 'AANNNNNNNV'],
  'numero-conhecimento': [/^.{1,20}$/, 'até 20 caracteres'],
  'carga-embarcada': [/^(true|false)$/, 'true ou false'],
  'presenca-carga': [/^(true|false)$/, 'true ou false'],
  canal: [/^(VERDE|AMARELO|VERMELHO)$/, 'VERDE, AMARELO ou VERMELHO'],
  tag: [/^.{1,5}$/, 'até 5 caracteres'],
};

/** Filters that only an LPCO with a linked LI can match: the simulator has none, so asking for one finds nothing. */
const LI_ONLY = ['numero-li', 'numero-conhecimento', 'canal', 'tag', 'numero-documento-orgao', 'situacaoCompatibilizacao'];

/**
 * TA-LPCO for órgãos anuentes and holders (`/talpco/api/ext/lpco/...`): the órgão reads and decides the
 * LPCOs of its models, the holder reads its own. The decisions run `LpcoActions`, the admin scenarios'
 * own transitions, so they emit the same `talp-*` events to the same recipients.
 */
@Injectable()
export class TalpcoService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lpcos: LpcoActions,
  ) {}

  async detail(session: PortalSession, numero: string) {
    return toLpcoDetalhado(await this.readable(session, numero));
  }

  async history(session: PortalSession, numero: string) {
    return toHistorico(await this.readable(session, numero));
  }

  async requirements(session: PortalSession, numero: string) {
    return toExigencias(await this.readable(session, numero));
  }

  /** `SituacaoLpco[]` the anuente may set next. */
  async targets(session: PortalSession, numero: string) {
    const lpco = await this.decidable(session, numero);
    return lpcoAnuenteTargets(lpco.situation, lpco.number).map((id) => ({ id, descricao: LPCO_SITUACOES[id] }));
  }

  /** `AlterarSituacaoLpcoRequest` → `AlterarSituacaoLpcoResponse`, emitting `talp-altsit-lpco-anu` to the holder. */
  async changeSituation(session: PortalSession, numero: string, dto: AlterarSituacaoLpcoDto) {
    await this.decidable(session, numero);
    if (dto.canal) invalid('CANAL_SEM_LI', 'canal', 'canal só é informado para LPCO com LI vinculada em parametrização.');
    await this.lpcos.changeByAnuente(numero, {
      situacao: dto.situacao,
      justificativa: dto.justificativa,
      dataInicioVigencia: dto.dataInicioVigencia,
      dataFinalVigencia: dto.dataFinalVigencia,
    });
    return { numero };
  }

  /** `ExigenciaLpcoRequest` → the new `ExigenciaLpcoResponse`, emitting `talp-inclusao-exig` to the holder. */
  async require(session: PortalSession, numero: string, dto: ExigenciaLpcoDto) {
    await this.decidable(session, numero);
    await this.lpcos.requireAction(numero, { justificativa: dto.justificativa });
    return toExigencias(await this.load(numero)).at(-1)!;
  }

  /** `ConsultarLpcoResponse[]` of the caller's LPCOs, a fixed-size page from `offset`. */
  async query(session: PortalSession, query: ConsultaLpcoQuery): Promise<Page<ReturnType<typeof toConsultarLpcoResponse>>> {
    for (const [name, value] of Object.entries(query)) {
      if (value === undefined) continue;
      if (typeof value !== 'string') invalid('PARAMETRO_INVALIDO', name, `${name} deve ser informado uma só vez.`);
      const format = CONSULTA_FORMATS[name];
      if (!format) invalid('PARAMETRO_DESCONHECIDO', name, `Parâmetro ${name} não existe nesta consulta.`);
      if (!format[0].test(value)) invalid('PARAMETRO_INVALIDO', name, `${name} deve ser ${format[1]}.`);
    }
    if (!query['tipo-operacao']) invalid('PARAMETRO_OBRIGATORIO', 'tipo-operacao', 'tipo-operacao é obrigatório (EXPORTACAO ou IMPORTACAO).');
    const offset = parseBoundedInt(query.offset, 'offset', 0, 2_147_483_647, 0);
    const party = session.interveniente;

    const select = this.dataSource
      .getRepository(Lpco)
      .createQueryBuilder('lpco')
      .where('lpco.number LIKE :operacao', { operacao: query['tipo-operacao'] === 'IMPORTACAO' ? 'I%' : 'E%' });
    if (party.tipo === 'ANUENTE') select.andWhere('lpco.orgao = :mine', { mine: party.orgao });
    else if (party.tipo === 'PRIVADO') select.andWhere('lpco.holder_ni = :mine', { mine: party.ni });
    else forbidden('Consulta de LPCO restrita ao órgão anuente e ao importador/exportador.');

    const equals: Array<[string, string]> = [
      ['numero', 'lpco.number'],
      ['situacao', 'lpco.situation'],
      ['codigo-modelo', 'lpco.model'],
      ['orgao-anuente', 'lpco.orgao'],
      ['importador-exportador', 'lpco.holder_ni'],
      ['pais-destino', `lpco.data->>'paisDestino'`],
      // The importer's country of an export LPCO is where the goods go.
      ['pais-importador', `lpco.data->>'paisDestino'`],
    ];
    equals.forEach(([name, column], index) => {
      if (query[name]) select.andWhere(`${column} = :eq${index}`, { [`eq${index}`]: query[name] });
    });
    // The Brasília calendar day of registration (fixed -03:00, as every portal date).
    const registeredOn = `to_char(lpco.registered_at AT TIME ZONE INTERVAL '-03:00', 'YYYY-MM-DD')`;
    if (query['data-inicial-registro']) select.andWhere(`${registeredOn} >= :desde`, { desde: query['data-inicial-registro'] });
    if (query['data-final-registro']) select.andWhere(`${registeredOn} <= :ate`, { ate: query['data-final-registro'] });
    if (query['ncm-inicial']) select.andWhere(`lpco.data->>'ncm' >= :ncmDe`, { ncmDe: query['ncm-inicial'] });
    if (query['ncm-final']) select.andWhere(`lpco.data->>'ncm' <= :ncmAte`, { ncmAte: query['ncm-final'] });
    if (query.due) select.andWhere('lpco.links @> :due::jsonb', { due: JSON.stringify([{ numeroOperacao: query.due }]) });
    if (query['operacao-vinculada'] === 'true') select.andWhere(`jsonb_array_length(lpco.links) > 0`);
    if (query['operacao-vinculada'] === 'false') select.andWhere(`jsonb_array_length(lpco.links) = 0`);
    // A pending request is PARA_ANALISE; the simulator keeps no decided ones apart from the history.
    if (query.situacaoProrrogacao) select.andWhere(query.situacaoProrrogacao === 'PARA_ANALISE' ? 'lpco.extension_pending' : 'false');
    if (query.situacaoRetificacao) select.andWhere(query.situacaoRetificacao === 'PARA_ANALISE' ? 'lpco.rectification_pending' : 'false');
    if (LI_ONLY.some((name) => query[name]) || ['carga-embarcada', 'presenca-carga', 'carga-despacho'].some((name) => query[name] === 'true')) {
      select.andWhere('false');
    }

    // One row past the page tells whether more remain.
    const rows = await select
      .orderBy('lpco.registeredAt', 'ASC')
      .addOrderBy('lpco.number', 'ASC')
      .offset(offset)
      .limit(LPCO_CONSULTA_PAGE_SIZE + 1)
      .getMany();
    return {
      items: rows.slice(0, LPCO_CONSULTA_PAGE_SIZE).map((lpco) => toConsultarLpcoResponse(lpco, brasiliaDate(lpco.registeredAt))),
      more: rows.length > LPCO_CONSULTA_PAGE_SIZE,
    };
  }

  private async load(numero: string): Promise<Lpco> {
    if (!LPCO_NUMBER_PATTERN.test(numero)) invalid('NUMERO_LPCO_INVALIDO', 'numero', 'Número do LPCO inválido: formato OAANNNNNNNN.');
    const lpco = await this.dataSource.getRepository(Lpco).findOneBy({ number: numero });
    if (!lpco) invalid('LPCO_INEXISTENTE', 'numero', `LPCO ${numero} não encontrado.`);
    return lpco!;
  }

  /** The órgão of the LPCO's model or its holder; anyone else is refused (403, as TA-LPCO answers). */
  private async readable(session: PortalSession, numero: string): Promise<Lpco> {
    const lpco = await this.load(numero);
    if (!isAnuenteOf(session.interveniente, lpco) && !isHolderOf(session.interveniente, lpco)) {
      forbidden(`Usuário não tem permissão de acesso ao LPCO ${numero}.`);
    }
    return lpco;
  }

  /** Only the órgão anuente of the LPCO's model decides on it ("Disponível apenas para a Administração Pública"). */
  private async decidable(session: PortalSession, numero: string): Promise<Lpco> {
    const lpco = await this.load(numero);
    if (!isAnuenteOf(session.interveniente, lpco)) forbidden(`Somente o órgão anuente ${lpco.orgao} decide sobre o LPCO ${numero}.`);
    return lpco;
  }
}

const isAnuenteOf = (party: Interveniente, lpco: Lpco) => party.tipo === 'ANUENTE' && party.orgao === lpco.orgao;
const isHolderOf = (party: Interveniente, lpco: Lpco) => party.tipo === 'PRIVADO' && party.ni === lpco.holderNi;
