import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type FieldError, isUniqueViolation, PortalValidationException } from '#common';
import { type Interveniente, Subscription } from '#database';
import { CancellationCause, cancelSubscriptions, eventoRefusal } from '#notifications';
import { EndpointPolicy } from './endpoint-policy.js';

export interface SubscriptionInput {
  evento: string;
  endpoint: string;
  chaveSecreta?: string | null;
}

/** The portal's subscription rules, shared by the portal API and the admin shortcut. */
@Injectable()
export class SubscriptionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpointPolicy: EndpointPolicy,
  ) {}

  async create(owner: Interveniente, input: SubscriptionInput): Promise<Subscription> {
    await this.validate(owner, input);
    const repository = this.dataSource.getRepository(Subscription);
    try {
      return await repository.save(
        repository.create({
          intervenienteId: owner.id,
          evento: input.evento,
          endpoint: input.endpoint,
          secret: input.chaveSecreta ?? null,
        }),
      );
    } catch (error) {
      // The partial unique index is the last word when two requests race.
      if (isUniqueViolation(error)) throw duplicate(input.evento);
      throw error;
    }
  }

  /** `owner`'s subscriptions, oldest first; the inactive ones too when asked. */
  list(owner: Interveniente, withInactive: boolean): Promise<Subscription[]> {
    return this.dataSource.getRepository(Subscription).find({
      where: { intervenienteId: owner.id, ...(withInactive ? {} : { active: true }) },
      order: { id: 'ASC' },
    });
  }

  /** Every subscription (active or not) of one interveniente and/or for one evento, oldest first. */
  search(filter: { intervenienteId?: string; evento?: string }): Promise<Subscription[]> {
    const where = { ...(filter.intervenienteId ? { intervenienteId: filter.intervenienteId } : {}), ...(filter.evento ? { evento: filter.evento } : {}) };
    return this.dataSource.getRepository(Subscription).find({ where, order: { id: 'ASC' } });
  }

  /** One of `owner`'s subscriptions (active or not); `null` when it is another party's or does not exist. */
  findOwn(owner: Interveniente, id: number): Promise<Subscription | null> {
    return this.dataSource.getRepository(Subscription).findOneBy({ id, intervenienteId: owner.id });
  }

  /**
   * Changes an active subscription of `owner` with the same rules as `create`; `null` when it does not
   * exist, is another party's or is inactive. The worker reads the endpoint at each attempt, so a new
   * endpoint is used from the next attempt on. An omitted `chaveSecreta` keeps the current one; `null` removes it.
   */
  async update(owner: Interveniente, id: number, input: Partial<SubscriptionInput> & { endpoint: string }): Promise<Subscription | null> {
    const repository = this.dataSource.getRepository(Subscription);
    const current = await repository.findOneBy({ id, intervenienteId: owner.id, active: true });
    if (!current) return null;
    const evento = input.evento ?? current.evento;
    await this.validate(owner, { evento, endpoint: input.endpoint });
    current.evento = evento;
    current.endpoint = input.endpoint;
    if (input.chaveSecreta !== undefined) current.secret = input.chaveSecreta;
    try {
      return await repository.save(current);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate(evento);
      throw error;
    }
  }

  /**
   * Deleting a subscription keeps its row (shown with `exibirInativos`) and cancels its pending
   * notifications: the portal never sends to a subscription that no longer exists.
   */
  async deactivate(id: number, reason: string, ownerId?: string): Promise<boolean> {
    const gone = await cancelSubscriptions(this.dataSource, { id, ownerId }, reason, CancellationCause.SubscriptionDeleted);
    return gone.length > 0;
  }

  private async validate(owner: Interveniente, input: SubscriptionInput): Promise<void> {
    const errors: FieldError[] = await this.endpointPolicy.check(input.endpoint);
    const refusal = eventoRefusal(input.evento, owner.tipo);
    if (refusal) errors.push(refusal);
    if (errors.length > 0) throw new PortalValidationException(errors);
  }
}

function duplicate(evento: string): PortalValidationException {
  return new PortalValidationException([
    { code: 'ASSINATURA_DUPLICADA', field: 'evento', message: `Já existe uma assinatura ativa para o evento ${evento}.` },
  ]);
}
