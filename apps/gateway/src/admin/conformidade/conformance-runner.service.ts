import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthorityService } from '#authority';
import { eventsForTipo, findCatalogEvent } from '#catalog';
import { simNow } from '#clock';
import { type FieldError, HostResolver, PortalValidationException } from '#common';
import { AppConfig } from '#config';
import { ConformanceRun, Interveniente, Subscription } from '#database';
import { examplePayload } from '#domain';
import { endpointFormRefusal, receiverTrust, WebhookClient } from '#notifications';
import { adminError } from '../admin-error.js';
import { type Check, runVerdict } from './check.js';
import { duplicateCheck, eventChecks, only200Check, type Sample, secretCheck, type Send } from './checks/delivery.checks.js';
import { DEFAULT_LOAD, loadCheck, type LoadSettings } from './checks/load.check.js';
import { networkCheck } from './checks/network.check.js';
import { tlsCheck } from './checks/tls.check.js';
import type { IniciarConformidadeDto } from './conformidade.dto.js';

interface RunTarget {
  endpoint: URL;
  interveniente: Interveniente;
  subscriptionId: number | null;
  secret: string | null;
  samples: Sample[];
  /** Events whose example payload could not be built from their schema. */
  perfil: 'local' | 'portal';
  load: LoadSettings;
}

/**
 * Grades an integrator's endpoint against the portal's rules. The run sends its own notifications with
 * the worker's client (same headers, budget, trust and address rules) and keeps its results in its own
 * table: nothing goes through the outbox, so no receipt, attempt or subscription state is touched.
 */
@Injectable()
export class ConformanceRunner implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ConformanceRunner.name);
  private client: WebhookClient;
  private trust: string[];
  private readonly resolver: HostResolver;
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly authority: AuthorityService,
  ) {
    this.resolver = new HostResolver(config.DNS_SERVERS);
  }

  onModuleInit(): void {
    this.trust = receiverTrust(this.authority.trustedCaPems(), this.config.EXTRA_CA_FILES);
    this.client = new WebhookClient({
      timeoutMs: this.config.DELIVERY_TIMEOUT_MS,
      ca: this.trust,
      dnsServers: this.config.DNS_SERVERS,
      publicAddressesOnly: this.config.ENDPOINT_POLICY === 'portal',
    });
  }

  /** Lets runs in flight finish writing their result before the process stops. */
  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.running]);
    this.client.close();
  }

  async start(dto: IniciarConformidadeDto): Promise<ConformanceRun> {
    const target = await this.resolveTarget(dto);
    const repository = this.dataSource.getRepository(ConformanceRun);
    const run = await repository.save(
      repository.create({
        endpoint: target.endpoint.toString(),
        intervenienteId: target.interveniente.id,
        subscriptionId: target.subscriptionId,
        perfil: target.perfil,
        situacao: 'EM_ANDAMENTO',
        parametros: { interveniente: target.interveniente.ni, eventos: target.samples.map((sample) => sample.evento), carga: target.load, comSecret: target.secret !== null },
        checks: [],
        startedAt: await simNow(this.dataSource),
        finishedAt: null,
      }),
    );
    const running = this.execute(run, target).finally(() => this.running.delete(running));
    this.running.add(running);
    return run;
  }

  find(id: string): Promise<ConformanceRun | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return Promise.resolve(null);
    return this.dataSource.getRepository(ConformanceRun).findOneBy({ id });
  }

  list(): Promise<ConformanceRun[]> {
    return this.dataSource.getRepository(ConformanceRun).find({ order: { startedAt: 'DESC' }, take: 50 });
  }

  private async execute(run: ConformanceRun, target: RunTarget): Promise<void> {
    let checks: Check[];
    let situacao: string;
    try {
      checks = await this.checks(target);
      situacao = runVerdict(checks);
    } catch (error) {
      this.logger.error({ err: error, runId: run.id }, 'conformance run interrupted');
      checks = [];
      situacao = 'INTERROMPIDO';
    }
    await this.dataSource
      .getRepository(ConformanceRun)
      .update(run.id, { checks, situacao, finishedAt: await simNow(this.dataSource) })
      .catch((error) => this.logger.error({ err: error, runId: run.id }, 'conformance result not saved'));
  }

  private async checks(target: RunTarget): Promise<Check[]> {
    const host = target.endpoint.hostname.replace(/^\[|\]$/g, '');
    const addresses = await this.resolver.resolve(host).then(
      (found) => found.map((entry) => entry.address),
      () => [],
    );
    const checks: Check[] = [networkCheck(target.endpoint, addresses, target.perfil)];
    checks.push(
      addresses.length
        ? await tlsCheck({ host, port: Number(target.endpoint.port || 443), address: addresses[0], ca: this.trust, timeoutMs: this.config.DELIVERY_TIMEOUT_MS })
        : { id: 'tls', veredito: 'FALHOU', motivo: `${host} does not resolve`, regra: 'The endpoint must be reachable.', evidencias: [] },
    );
    const send = this.sender(target);
    const delivered = await eventChecks(target.samples, send, this.config.DELIVERY_TIMEOUT_MS);
    checks.push(...delivered.checks);
    checks.push(only200Check(target.samples, delivered.responses));
    checks.push(await duplicateCheck(target.samples[0], send));
    checks.push(await secretCheck(target.samples[0], send, target.secret));
    checks.push(await loadCheck(target.samples, send, target.load));
    return checks;
  }

  /** Sends as the worker does: the portal's headers, a fresh `id-notificacao` unless repeating one. */
  private sender(target: RunTarget): Send {
    const sourceAddress = this.config.EGRESS_ADDRESSES[0];
    return async (sample, options = {}) => {
      const idNotificacao = options.idNotificacao ?? randomUUID();
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        'event-type': sample.evento,
        'destinatario-tipo': sample.destinatarioTipo,
        'destinatario-id': sample.destinatarioId,
        'id-notificacao': idNotificacao,
      };
      const secret = options.secret !== undefined ? options.secret : target.secret;
      if (secret) headers.secret = secret;
      const response = await this.client.send({ endpoint: target.endpoint.toString(), headers, body: JSON.stringify(sample.payload), sourceAddress });
      return { ...response, idNotificacao };
    };
  }

  private async resolveTarget(dto: IniciarConformidadeDto): Promise<RunTarget> {
    const errors: FieldError[] = [];
    let subscription: Subscription | null = null;
    if (dto.assinaturaId !== undefined) {
      subscription = await this.dataSource.getRepository(Subscription).findOneBy({ id: dto.assinaturaId });
      if (!subscription) throw adminError(404, `Assinatura ${dto.assinaturaId} não encontrada.`);
    }
    const endpoint = dto.endpoint ?? subscription!.endpoint;
    const refusal = endpointFormRefusal(endpoint, 'local');
    if (refusal) errors.push(refusal);

    const interveniente = dto.interveniente
      ? await this.dataSource.getRepository(Interveniente).findOneBy({ ni: dto.interveniente })
      : await this.dataSource.getRepository(Interveniente).findOneBy({ id: subscription!.intervenienteId });
    if (!interveniente) errors.push({ code: 'INTERVENIENTE_INEXISTENTE', field: 'interveniente', message: `Interveniente ${dto.interveniente} não encontrado.` });
    if (interveniente && subscription && interveniente.id !== subscription.intervenienteId) {
      errors.push({ code: 'INTERVENIENTE_DIFERENTE', field: 'interveniente', message: 'A assinatura é de outro interveniente.' });
    }
    if (errors.length || !interveniente) throw new PortalValidationException(errors);

    const allowed = eventsForTipo(interveniente.tipo);
    const chosen = dto.eventos ?? allowed.map((event) => event.id);
    chosen.forEach((evento, index) => {
      if (!findCatalogEvent(evento)) errors.push({ code: 'EVENTO_INEXISTENTE', field: `eventos.${index}`, message: `O evento ${evento} não existe no catálogo.` });
      else if (!allowed.some((event) => event.id === evento)) {
        errors.push({ code: 'EVENTO_NAO_PERMITIDO', field: `eventos.${index}`, message: `O evento ${evento} não é destinado a um interveniente do tipo ${interveniente.tipo}.` });
      }
    });
    if (errors.length) throw new PortalValidationException(errors);

    const now = await simNow(this.dataSource);
    // The catalogue's own seeded example bodies, the same ones `POST /admin/eventos` sends.
    const samples: Sample[] = chosen.map((evento, index) => {
      const event = findCatalogEvent(evento)!;
      const destinatarioId = recipientId(interveniente, event.recipientType);
      const payload = examplePayload(evento, now, index + 1, event.recipientType === 'UF' ? [destinatarioId] : []);
      return { evento, destinatarioTipo: event.recipientType, destinatarioId, payload };
    });
    return {
      endpoint: new URL(endpoint),
      interveniente,
      subscriptionId: subscription?.id ?? null,
      secret: dto.chaveSecreta ?? subscription?.secret ?? null,
      samples,
      perfil: dto.perfil ?? this.config.ENDPOINT_POLICY,
      load: dto.carga ?? DEFAULT_LOAD,
    };
  }
}

/** Who the portal would name in `destinatario-id`: the Sefaz's UF, the órgão, or the party's NI. */
function recipientId(interveniente: Interveniente, recipientType: string): string {
  if (recipientType === 'UF') return interveniente.uf ?? '';
  if (recipientType === 'ORGAO') return interveniente.orgao ?? '';
  return interveniente.ni;
}
