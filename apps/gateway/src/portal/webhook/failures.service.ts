import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationStatus } from '#notifications';
import { formatPortalDate } from '#clock';

/** Enough for an integrator to see what failed recently without paging. */
const MAX_FAILURES = 500;

interface FailureRow {
  id: string;
  evento: string;
  subscription_id: number;
  recipient_type: string;
  recipient_id: string;
  occurred_at: Date;
  completed_at: Date | null;
  last_cause: string | null;
  attempts: Array<{ number: number; started_at: string; duration_ms: number; endpoint: string; http_status: number | null; cause: string; detail: string | null }>;
}

/** `GET /falhas`: the caller's notifications that ended in FALHA, each attempt with its cause. */
@Injectable()
export class FailuresService {
  constructor(private readonly dataSource: DataSource) {}

  async forInterveniente(intervenienteId: string) {
    const rows: FailureRow[] = await this.dataSource.query(
      `SELECT n.id, n.evento, n.subscription_id, n.recipient_type, n.recipient_id, e.occurred_at, n.completed_at, n.last_cause,
              COALESCE((SELECT json_agg(json_build_object('number', a.number, 'started_at', a.started_at, 'duration_ms', a.duration_ms,
                                                          'endpoint', a.endpoint, 'http_status', a.http_status, 'cause', a.cause,
                                                          'detail', a.detail) ORDER BY a.number)
                          FROM delivery_attempt a WHERE a.notification_id = n.id), '[]') AS attempts
         FROM notification n JOIN subscription s ON s.id = n.subscription_id JOIN event e ON e.id = n.event_id
        WHERE s.interveniente_id = $1 AND n.status = '${NotificationStatus.Falha}'
        ORDER BY n.completed_at DESC NULLS LAST, n.id LIMIT ${MAX_FAILURES}`,
      [intervenienteId],
    );
    return rows.map((row) => ({
      idNotificacao: row.id,
      idAssinatura: row.subscription_id,
      evento: row.evento,
      destinatarioTipo: row.recipient_type,
      destinatarioId: row.recipient_id,
      // The event's own simulated time, the instant its payload carries.
      dataEvento: formatPortalDate(row.occurred_at),
      dataFalha: row.completed_at ? formatPortalDate(row.completed_at) : null,
      causa: row.last_cause,
      tentativas: row.attempts.map((attempt) => ({
        numero: attempt.number,
        data: formatPortalDate(new Date(attempt.started_at)),
        duracaoMs: attempt.duration_ms,
        endpoint: attempt.endpoint,
        httpStatus: attempt.http_status,
        causa: attempt.cause,
        detalhe: attempt.detail,
      })),
    }));
  }
}
