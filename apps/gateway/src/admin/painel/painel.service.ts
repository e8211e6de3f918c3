import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SIM_NOW_SQL } from '#clock';
import { AUTO_CANCEL_AFTER_DAYS, NotificationStatus, notificationHeaders } from '#notifications';
import { NotificationsService } from '../notificacoes/notifications.service.js';
import type { PainelEntregasQueryDto, PainelGraficosQueryDto } from './painel-query.dto.js';

export const MASKED_SECRET = '••••••••';

/** The document a payload is about: Duimp, PCCE, LPCO, anexação or the portal's other shapes. */
const DOCUMENT_NUMBER_SQL = `coalesce(e.payload->>'numero', e.payload->>'numeroDeclaracao', e.payload->>'numeroLPCO',
  e.payload->>'numeroOperacao', e.payload->'identificacao'->>'numero', e.payload->'due'->>'numero')`;

/** Attempt latency buckets (ms): the last one holds everything past the 3.5 s budget. */
export const LATENCY_BUCKETS_MS = [50, 100, 250, 500, 1000, 2000, 3500];

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Read models of the browser dashboard, beyond what the admin API already answers. */
@Injectable()
export class PainelService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  /** The latest notifications first, filtered, with the total for paging. */
  async deliveries(query: PainelEntregasQueryDto) {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (query.evento) add('n.evento = ?', query.evento);
    if (query.destinatario) add('n.recipient_id = ?', query.destinatario);
    if (query.situacao) add('n.status = ?', query.situacao);
    if (query.desde) add('e.occurred_at >= ?', query.desde);
    if (query.ate) add('e.occurred_at < ?', query.ate);
    if (query.numero) add(`${DOCUMENT_NUMBER_SQL} ILIKE '%' || ? || '%'`, escapeLike(query.numero));
    params.push(query.limit, query.offset);
    const rows: Array<Record<string, any>> = await this.dataSource.query(
      `SELECT n.id, n.evento, n.recipient_type, n.recipient_id, s.endpoint, n.status, n.attempts, n.last_cause,
              n.next_attempt_at, n.completed_at, e.occurred_at, ${DOCUMENT_NUMBER_SQL} AS documento,
              count(*) OVER () AS total
         FROM notification n JOIN subscription s ON s.id = n.subscription_id JOIN event e ON e.id = n.event_id
        ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY e.occurred_at DESC, n.id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return {
      total: rows.length ? Number(rows[0].total) : await this.count(conditions, params.slice(0, -2)),
      itens: rows.map((row) => ({
        id: row.id,
        evento: row.evento,
        destinatario: { tipo: row.recipient_type, id: row.recipient_id },
        endpoint: row.endpoint,
        documento: row.documento,
        situacao: row.status,
        tentativas: row.attempts,
        ultimaCausa: row.last_cause,
        ocorridoEm: row.occurred_at,
        proximaTentativa: row.next_attempt_at,
        concluidaEm: row.completed_at,
      })),
    };
  }

  /** An offset past the end still reports how many rows match. */
  private async count(conditions: string[], params: unknown[]): Promise<number> {
    if (!params.length) return Number((await this.dataSource.query('SELECT count(*) AS total FROM notification'))[0].total);
    const [row] = await this.dataSource.query(
      `SELECT count(*) AS total FROM notification n JOIN event e ON e.id = n.event_id WHERE ${conditions.join(' AND ')}`,
      params,
    );
    return Number(row.total);
  }

  /** One notification with the headers it is sent with (`secret` masked) and the receipt's predecessor. */
  async delivery(id: string) {
    const detail = await this.notifications.get(id);
    const [subscription] = await this.dataSource.query('SELECT secret FROM subscription WHERE id = $1', [detail.assinatura]);
    const headers = notificationHeaders({
      notificationId: detail.id,
      evento: detail.evento,
      recipientType: detail.destinatario.tipo,
      recipientId: detail.destinatario.id,
      secret: subscription?.secret ? MASKED_SECRET : null,
    });
    const [event] = await this.dataSource.query('SELECT occurred_at FROM event WHERE id = $1', [detail.eventoId]);
    let reciboAnterior: unknown = null;
    if (detail.recibo) {
      [reciboAnterior = null] = await this.dataSource.query(
        'SELECT seq, notification_id AS notificacao, hash FROM receipt WHERE seq < $1 ORDER BY seq DESC LIMIT 1',
        [detail.recibo.seq],
      );
    }
    return { ...detail, ocorridoEm: event?.occurred_at ?? null, cabecalhos: headers, reciboAnterior };
  }

  /** Who subscribes to what, how each subscription fares, and when a failing one is cancelled. */
  async subscriptions() {
    const rows: Array<Record<string, any>> = await this.dataSource.query(
      `SELECT s.id, s.evento, s.endpoint, s.active, s.secret IS NOT NULL AS has_secret, s.failing_since, s.cancelled_at,
              s.cancel_reason, i.ni, i.name AS nome, i.tipo, i.uf, i.orgao,
              s.failing_since + make_interval(days => $1) AS cancels_at, ${SIM_NOW_SQL} AS sim_now,
              count(n.id) FILTER (WHERE n.status = '${NotificationStatus.Entregue}') AS delivered,
              count(n.id) FILTER (WHERE n.status = '${NotificationStatus.Falha}') AS failed,
              count(n.id) FILTER (WHERE n.status = '${NotificationStatus.Pendente}') AS pending
         FROM subscription s JOIN interveniente i ON i.id = s.interveniente_id
         LEFT JOIN notification n ON n.subscription_id = s.id
        GROUP BY s.id, i.id
        ORDER BY s.active DESC, s.failing_since IS NULL, s.id DESC`,
      [AUTO_CANCEL_AFTER_DAYS],
    );
    return rows.map((row) => ({
      id: row.id,
      evento: row.evento,
      endpoint: row.endpoint,
      ativa: row.active,
      possuiChaveSecreta: row.has_secret,
      interveniente: { ni: row.ni, nome: row.nome, tipo: row.tipo, uf: row.uf, orgao: row.orgao },
      falhandoDesde: row.failing_since,
      cancelamentoAutomaticoEm: row.active ? row.cancels_at : null,
      msAteCancelamento: row.active && row.cancels_at ? Math.max(0, new Date(row.cancels_at).getTime() - new Date(row.sim_now).getTime()) : null,
      dataExclusao: row.cancelled_at,
      motivoExclusao: row.cancel_reason,
      notificacoes: { entregues: Number(row.delivered), falhas: Number(row.failed), pendentes: Number(row.pending) },
    }));
  }

  /** Attempts per simulated minute by outcome, and the attempt latency histogram, over the last `minutos`. */
  async charts(query: PainelGraficosQueryDto) {
    const window = `a.started_at >= ${SIM_NOW_SQL} - make_interval(mins => $1)`;
    const perMinute: Array<Record<string, any>> = await this.dataSource.query(
      `SELECT date_trunc('minute', a.started_at) AS minute,
              count(*) FILTER (WHERE a.http_status = 200) AS ok,
              count(*) FILTER (WHERE a.http_status IS NOT NULL AND a.http_status <> 200) AS http,
              count(*) FILTER (WHERE a.http_status IS NULL) AS network
         FROM delivery_attempt a WHERE ${window} GROUP BY 1 ORDER BY 1`,
      [query.minutos],
    );
    const histogram: Array<Record<string, any>> = await this.dataSource.query(
      `SELECT width_bucket(a.duration_ms, $2::int[]) AS bucket, count(*) AS attempts
         FROM delivery_attempt a WHERE ${window} GROUP BY 1`,
      [query.minutos, LATENCY_BUCKETS_MS],
    );
    const counts = new Map(histogram.map((row) => [Number(row.bucket), Number(row.attempts)]));
    return {
      porMinuto: perMinute.map((row) => ({
        minuto: row.minute,
        entregues: Number(row.ok),
        erroHttp: Number(row.http),
        erroRede: Number(row.network),
      })),
      latencia: [...LATENCY_BUCKETS_MS, null].map((limit, index) => ({
        ateMs: limit,
        tentativas: counts.get(index) ?? 0,
      })),
    };
  }

  /** A cheap fingerprint of the delivery log: it changes when an attempt is made or a notification appears or ends. */
  async fingerprint(): Promise<{ tentativa: number; notificacoes: number; pendentes: number; agora: Date }> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT coalesce(max(id), 0) FROM delivery_attempt) AS attempt,
              (SELECT count(*) FROM notification) AS notifications,
              (SELECT count(*) FROM notification WHERE status = '${NotificationStatus.Pendente}') AS pending,
              ${SIM_NOW_SQL} AS now`,
    );
    return { tentativa: Number(row.attempt), notificacoes: Number(row.notifications), pendentes: Number(row.pending), agora: row.now };
  }

  /** The attempts made after attempt `after`, for the live stream. */
  attemptsAfter(after: number) {
    return this.dataSource.query(
      `SELECT a.id, a.notification_id AS notificacao, a.number AS numero, a.http_status AS "httpStatus", a.cause AS causa,
              n.status AS situacao
         FROM delivery_attempt a JOIN notification n ON n.id = a.notification_id
        WHERE a.id > $1 ORDER BY a.id LIMIT 100`,
      [after],
    );
  }
}
