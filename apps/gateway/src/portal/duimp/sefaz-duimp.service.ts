import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UFS } from '#catalog';
import { PortalException, PortalValidationException } from '#common';
import { type Duimp, DuimpEvent, DuimpVersion } from '#database';
import { SEFAZ_EVENTO_ENUM, toDuimpUltimoEvento, toSefazHistEvento, type UfInteresse } from '#domain';
import type { PortalSession } from '../auth/portal-auth.guard.js';
import {
  findDuimp,
  findDuimpHistory,
  findSefazCover,
  parseVersao,
  requireDuimpNumber,
  toHistoryRecord,
} from '../../business/duimp/duimp-finder.js';
import { requireSefazUf } from '../auth/caller-rules.js';

const DAY_MS = 86_400_000;
/** Brasília midnight is 03:00 UTC (fixed offset, no daylight saving time since 2019). */
const BRASILIA_MIDNIGHT_UTC_MS = 3 * 60 * 60 * 1000;
/** The events API accepts at most this many days between `inicio` and `fim`. */
export const MAX_PERIODO_DIAS = 30;
export const MAX_LIMIT = 500;
/** The Nova API's default page of `/itens` (its `/eventos` and `/historico` default to the maximum). */
export const DEFAULT_ITEMS_LIMIT = 100;

/** One page of a list: `more` tells the controller to answer 206. */
export interface Page<T> {
  items: T[];
  more: boolean;
}

export interface EventosQuery {
  inicio?: string;
  fim?: string;
  ufDespacho?: string;
  ufImportador?: string;
  ufTerceiro?: string;
  unidadeDespacho?: string;
  offset?: string;
  limit?: string;
}

const invalid = (code: string, field: string, message: string): never => {
  throw new PortalValidationException([{ code, field, message }], message);
};

/** An optional non-negative integer query parameter within [min, max]. */
export function parseBoundedInt(value: string | undefined, field: string, min: number, max: number, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    invalid(`${field.toUpperCase()}_INVALIDO`, field, `${field} deve ser um inteiro entre ${min} e ${max}.`);
  }
  return Number(value);
}

/** `AAAA-MM-DD` as a real calendar date → the instant its Brasília day starts. */
function parseDate(value: string | undefined, field: string): number {
  if (!value) return invalid('DATA_OBRIGATORIA', field, `${field} é obrigatório (AAAA-MM-DD).`);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const utc = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  // Date.UTC rolls 2026-02-30 over to March: a round trip catches impossible days.
  if (!match || Number.isNaN(utc) || new Date(utc).toISOString().slice(0, 10) !== value) {
    invalid('DATA_INVALIDA', field, `${field} deve ser uma data válida no formato AAAA-MM-DD.`);
  }
  return utc + BRASILIA_MIDNIGHT_UTC_MS;
}

function parseUf(value: string | undefined, field: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!(UFS as readonly string[]).includes(value)) invalid('UF_INVALIDA', field, `${field} deve ser a sigla de uma UF.`);
  return value;
}

/** The Duimp consultation of the Sefaz (SPEC §8): a Sefaz reads only the Duimps its UF has interest in. */
@Injectable()
export class SefazDuimpService {
  constructor(private readonly dataSource: DataSource) {}

  /** `SefazDuimpCover` of the version in force, or of `versao`. */
  async cover(session: PortalSession, numero: string, versao?: string) {
    requireDuimpNumber(numero);
    const wanted = versao === undefined ? undefined : parseVersao(versao);
    const uf = requireSefazUf(session.interveniente);
    const duimp = await findDuimp(this.dataSource.manager, numero);
    const version = await this.dataSource
      .getRepository(DuimpVersion)
      .findOneBy({ number: numero, version: wanted ?? duimp.currentVersion });
    if (!version) throw new PortalException(404, 'DIMP-ER0102', `Versão ${versao} da Duimp ${numero} não encontrada.`);
    // An older version may be read by a UF that had interest in it, even if a retification removed it.
    this.requireInterest(uf, duimp, [...duimp.ufs, ...(version.spec.ufsInteresse ?? [])]);
    return findSefazCover(this.dataSource.manager, duimp, version);
  }

  /** `SefazDuimpDadosGeraisCover` (the Nova API): the cover without its items, which `/itens` pages. */
  async generalData(session: PortalSession, numero: string, versao?: string) {
    const { itens: _itens, ...dadosGerais } = await this.cover(session, numero, versao);
    return dadosGerais;
  }

  /** The items of the version in force, or of `versao`, a page at a time. */
  async items(session: PortalSession, numero: string, offset: string | undefined, limit: string | undefined, versao?: string): Promise<Page<unknown>> {
    requireDuimpNumber(numero);
    const wanted = versao === undefined ? undefined : parseVersao(versao);
    const from = parseBoundedInt(offset, 'offset', 0, Number.MAX_SAFE_INTEGER, 0);
    const size = parseBoundedInt(limit, 'limit', 1, MAX_LIMIT, DEFAULT_ITEMS_LIMIT);
    const uf = requireSefazUf(session.interveniente);
    const duimp = await findDuimp(this.dataSource.manager, numero);
    const version = await this.dataSource.getRepository(DuimpVersion).findOneBy({ number: numero, version: wanted ?? duimp.currentVersion });
    if (!version) throw new PortalException(404, 'DIMP-ER0102', `Versão ${versao} da Duimp ${numero} não encontrada.`);
    this.requireInterest(uf, duimp, [...duimp.ufs, ...(version.spec.ufsInteresse ?? [])]);
    const all: unknown[] = version.cover.itens ?? [];
    return { items: all.slice(from, from + size), more: from + size < all.length };
  }

  /** `SefazDuimpHistEventoCover[]`, oldest first, `offset`/`limit` paged (default and maximum 500). */
  async history(session: PortalSession, numero: string, offset?: string, limit?: string): Promise<Page<ReturnType<typeof toSefazHistEvento>>> {
    requireDuimpNumber(numero);
    const from = parseBoundedInt(offset, 'offset', 0, Number.MAX_SAFE_INTEGER, 0);
    const size = parseBoundedInt(limit, 'limit', 1, MAX_LIMIT, MAX_LIMIT);
    await this.readable(session, numero);
    const all = (await findDuimpHistory(this.dataSource.manager, numero)).map(toSefazHistEvento);
    return { items: all.slice(from, from + size), more: from + size < all.length };
  }

  /** `DuimpUltimosEventosCover[]` of the caller's UF in a period of Brasília days, oldest first. */
  async eventos(session: PortalSession, query: EventosQuery): Promise<Page<ReturnType<typeof toDuimpUltimoEvento>>> {
    const inicio = parseDate(query.inicio, 'inicio');
    const fim = parseDate(query.fim, 'fim');
    if (fim < inicio) invalid('PERIODO_INVALIDO', 'fim', 'fim deve ser igual ou posterior a inicio.');
    if (fim - inicio > MAX_PERIODO_DIAS * DAY_MS) invalid('PERIODO_INVALIDO', 'fim', `fim deve ser no máximo ${MAX_PERIODO_DIAS} dias após inicio.`);
    const filters: Array<[string | undefined, UfInteresse['tipoInteresse']]> = [
      [parseUf(query.ufDespacho, 'uf-despacho'), 'DESPACHO'],
      [parseUf(query.ufImportador, 'uf-importador'), 'IMPORTADOR'],
      [parseUf(query.ufTerceiro, 'uf-terceiro'), 'TERCEIRO'],
    ];
    const unidadeDespacho = query.unidadeDespacho === '' ? undefined : query.unidadeDespacho;
    if (unidadeDespacho !== undefined && !/^\d{7}$/.test(unidadeDespacho)) {
      invalid('UNIDADE_DESPACHO_INVALIDA', 'unidade-despacho', 'unidade-despacho deve ser o código da unidade da RFB com 7 dígitos.');
    }
    const offset = parseBoundedInt(query.offset, 'offset', 0, Number.MAX_SAFE_INTEGER, 0);
    const limit = parseBoundedInt(query.limit, 'limit', 1, MAX_LIMIT, MAX_LIMIT);
    const uf = requireSefazUf(session.interveniente);

    const select = this.dataSource
      .getRepository(DuimpEvent)
      .createQueryBuilder('event')
      .where('event.evento IN (:...eventos)', { eventos: [...SEFAZ_EVENTO_ENUM] })
      .andWhere('event.occurredAt >= :from AND event.occurredAt < :to', { from: new Date(inicio), to: new Date(fim + DAY_MS) })
      // The UFs of interest when the event happened: the caller's among them.
      .andWhere('event.ufs @> :mine::jsonb', { mine: JSON.stringify([{ uf }]) });
    if (unidadeDespacho) {
      // The clearance unit of the version the event happened to.
      select
        .innerJoin(DuimpVersion, 'version', 'version.number = event.number AND version.version = event.version')
        .andWhere(`version.spec->>'uaDespacho' = :unidadeDespacho`, { unidadeDespacho });
    }
    filters.forEach(([filterUf, tipoInteresse], index) => {
      if (filterUf) select.andWhere(`event.ufs @> :filter${index}::jsonb`, { [`filter${index}`]: JSON.stringify([{ uf: filterUf, tipoInteresse }]) });
    });
    // One row past the page tells whether more remain.
    const rows = await select.orderBy('event.occurredAt', 'ASC').addOrderBy('event.id', 'ASC').offset(offset).limit(limit + 1).getMany();
    return { items: rows.slice(0, limit).map((event) => toDuimpUltimoEvento(toHistoryRecord(event))), more: rows.length > limit };
  }

  private requireInterest(uf: string, duimp: Duimp, ufs: readonly UfInteresse[]): void {
    if (!ufs.some((entry) => entry.uf === uf)) {
      throw new PortalException(403, 'PUCX-ER0403', `A UF ${uf} não tem interesse na Duimp ${duimp.number}.`);
    }
  }

  /** The Duimp, when the caller's UF has interest in its version in force. */
  private async readable(session: PortalSession, numero: string): Promise<Duimp> {
    const uf = requireSefazUf(session.interveniente);
    const duimp = await findDuimp(this.dataSource.manager, numero);
    this.requireInterest(uf, duimp, duimp.ufs);
    return duimp;
  }
}
