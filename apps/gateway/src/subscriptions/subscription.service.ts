import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { findCatalogEvent, subscriberTipo } from '#catalog';
import { type FieldError, PortalValidationException } from '#common';
import { type Interveniente, Subscription } from '#database';
import { deactivateSubscriptions } from '#subscriptions';
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
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') throw duplicate(input.evento);
      throw error;
    }
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
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') throw duplicate(evento);
      throw error;
    }
  }

  /**
   * Deleting a subscription keeps its row (shown with `exibirInativos`) and cancels its pending
   * notifications: the portal never sends to a subscription that no longer exists.
   */
  async deactivate(id: number, reason: string, ownerId?: string): Promise<boolean> {
    const gone = await deactivateSubscriptions(
      this.dataSource,
      'id = $3 AND ($4::uuid IS NULL OR interveniente_id = $4)',
      [id, ownerId ?? null],
      reason,
      'ASSINATURA_EXCLUIDA',
    );
    return gone.length > 0;
  }

  private async validate(owner: Interveniente, input: SubscriptionInput): Promise<void> {
    const errors: FieldError[] = await this.endpointPolicy.check(input.endpoint);
    const event = findCatalogEvent(input.evento);
    if (!event) {
      errors.push({ code: 'EVENTO_INEXISTENTE', field: 'evento', message: `O evento ${input.evento} não existe no catálogo.` });
    } else if (subscriberTipo(event) !== owner.tipo) {
      errors.push({
        code: 'EVENTO_NAO_PERMITIDO',
        field: 'evento',
        message: `O evento ${input.evento} não pode ser assinado por um interveniente do tipo ${owner.tipo}.`,
      });
    }
    if (errors.length > 0) throw new PortalValidationException(errors);
  }
}

function duplicate(evento: string): PortalValidationException {
  return new PortalValidationException([
    { code: 'ASSINATURA_DUPLICADA', field: 'evento', message: `Já existe uma assinatura ativa para o evento ${evento}.` },
  ]);
}
