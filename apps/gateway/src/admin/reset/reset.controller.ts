import { Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ClockService } from '#clock';
import { DeliveryQueue } from '#queue';

/** Clears scenarios, events and notifications; keeps the PKI and the authorization base. */
@ApiTags('Reset')
@Controller('admin/reset')
export class ResetController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: ClockService,
    private readonly deliveryQueue: DeliveryQueue,
  ) {}

  @Post()
  @HttpCode(200)
  async reset(@Query('assinaturas') assinaturas?: string) {
    const withSubscriptions = assinaturas === 'true';
    await this.deliveryQueue.drain();
    // TRUNCATE is the one way receipts go: their trigger refuses UPDATE and DELETE.
    // Scenario tables too: Duimps (versions, history, ICMS requests), the Sefaz's ICMS options, Sefaz documents, LPCOs.
    const scenarios = ['duimp_event', 'duimp_version', 'icms_request', 'icms_option', 'duimp', 'sefaz_document', 'lpco'];
    // The clock goes back to real time: logins stamped on the old clock would block re-authentication.
    const deliveries = ['portal_login', 'access_counter', 'receipt', 'delivery_attempt', 'notification', 'event'];
    const tables = [...deliveries, ...scenarios, ...(withSubscriptions ? ['subscription'] : [])];
    await this.dataSource.query(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`);
    await this.clock.reset();
    return { limpo: tables };
  }
}
