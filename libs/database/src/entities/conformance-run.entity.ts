import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One conformance run of an integrator's endpoint. Its notifications are sent straight to the endpoint
 * and recorded here only: no outbox row, no attempt, no receipt, so normal traffic never sees them.
 */
@Entity('conformance_run')
@Index('conformance_run_started_at', ['startedAt'])
export class ConformanceRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 500 })
  endpoint: string;

  @Column({ name: 'interveniente_id', type: 'uuid' })
  intervenienteId: string;

  /** The subscription the run was started from, when it was. */
  @Column({ name: 'subscription_id', type: 'integer', nullable: true })
  subscriptionId: number | null;

  /** `portal`: the real portal's network rules fail the run; `local`: they are warnings. */
  @Column({ type: 'varchar', length: 10 })
  perfil: 'local' | 'portal';

  /** EM_ANDAMENTO, then APROVADO, REPROVADO or INTERROMPIDO (the process running it stopped). */
  @Column({ type: 'varchar', length: 20 })
  situacao: string;

  /** The run's request as given (events, load), without the secret. */
  @Column({ type: 'jsonb' })
  parametros: Record<string, unknown>;

  /** Each check with its verdict, evidence and portal rule. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  checks: unknown[];

  /** Simulated time. */
  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
