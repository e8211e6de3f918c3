import { setTimeout as delay } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PortalException } from '#common';
import { FINAL_STATUSES } from '#notifications';
import type { ListNotificationsDto, NotificationFilterDto, WaitNotificationsDto } from './notification-query.dto.js';
import { adminError, adminErrorCode } from '../admin-error.js';

const WAIT_POLL_MS = 50;
const WAIT_MAX_ROWS = 1_000;

interface NotificationRow {
  id: string;
  event_id: string;
  evento: string;
  subscription_id: number;
  endpoint: string;
  recipient_type: string;
  recipient_id: string;
  status: string;
  attempts: number;
  next_attempt_at: Date | null;
  last_cause: string | null;
  created_at: Date;
  completed_at: Date | null;
  resend_of: string | null;
}

function toView(row: NotificationRow) {
  return {
    id: row.id,
    eventoId: row.event_id,
    evento: row.evento,
    assinatura: row.subscription_id,
    endpoint: row.endpoint,
    destinatario: { tipo: row.recipient_type, id: row.recipient_id },
    situacao: row.status,
    tentativas: row.attempts,
    proximaTentativa: row.next_attempt_at,
    ultimaCausa: row.last_cause,
    criadaEm: row.created_at,
    concluidaEm: row.completed_at,
    reenvioDe: row.resend_of,
  };
}

/** Read side of the delivery log for QA and CI. */
@Injectable()
export class NotificationsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: ListNotificationsDto) {
    return (await this.select(query, query.limit, query.offset)).map(toView);
  }

  async get(id: string) {
    const [row] = await this.select({}, 1, 0, id);
    if (!row) throw adminError(404, 'Notificação não encontrada.');
    const [event] = await this.dataSource.query('SELECT payload FROM event WHERE id = $1', [row.event_id]);
    const attempts = await this.dataSource.query(
      `SELECT number AS numero, started_at AS inicio, duration_ms AS "duracaoMs", queue_ms AS "esperaFilaMs", endpoint, source_address AS origem,
              http_status AS "httpStatus", cause AS causa, detail AS detalhe, response_body AS resposta
         FROM delivery_attempt WHERE notification_id = $1 ORDER BY id`,
      [id],
    );
    const [receipt] = await this.dataSource.query(
      `SELECT seq, received_at AS "recebidoEm", payload_sha256 AS "payloadSha256", prev_hash AS "hashAnterior", hash
         FROM receipt WHERE notification_id = $1`,
      [id],
    );
    return { ...toView(row), payload: event?.payload, tentativasRealizadas: attempts, recibo: receipt ?? null };
  }

  /**
   * Blocks until the matching notifications (at least `minimo` of them) are all final, for CI.
   * Answers 408 with the current state when `timeoutMs` passes first.
   */
  async wait(query: WaitNotificationsDto) {
    const deadline = Date.now() + query.timeoutMs;
    for (;;) {
      const rows = await this.select(query, WAIT_MAX_ROWS, 0);
      const done = rows.length >= query.minimo && rows.every((row) => FINAL_STATUSES.includes(row.status as never));
      if (done) return { concluido: true, notificacoes: rows.map(toView) };
      if (Date.now() >= deadline) {
        throw new WaitTimeoutException(rows.map(toView));
      }
      await delay(WAIT_POLL_MS);
    }
  }

  private select(filter: NotificationFilterDto, limit: number, offset: number, id?: string): Promise<NotificationRow[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (id) add('n.id = ?', id);
    if (filter.evento) add('n.evento = ?', filter.evento);
    if (filter.eventoId) add('n.event_id = ?', filter.eventoId);
    if (filter.destinatario) add('n.recipient_id = ?', filter.destinatario);
    if (filter.assinatura !== undefined) add('n.subscription_id = ?', filter.assinatura);
    if (filter.situacao) add('n.status = ?', filter.situacao);
    if (filter.desde) add('n.created_at >= ?', filter.desde);
    params.push(limit, offset);
    return this.dataSource.query(
      `SELECT n.*, s.endpoint FROM notification n JOIN subscription s ON s.id = n.subscription_id
        ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY n.created_at, n.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
  }
}

export class WaitTimeoutException extends PortalException {
  constructor(notificacoes: unknown[]) {
    super(408, adminErrorCode(408), 'As notificações não chegaram a uma situação final dentro do tempo de espera.', {
      concluido: false,
      notificacoes,
    });
  }
}
