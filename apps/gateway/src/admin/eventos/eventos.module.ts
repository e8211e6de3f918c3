import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { BusinessModule } from '../../business/business.module.js';
import { EmissionFastPath } from './emission-fast-path.middleware.js';
import { EventEmission } from './event-emission.service.js';
import { EventosController } from './eventos.controller.js';

@Module({
  imports: [BusinessModule],
  controllers: [EventosController],
  providers: [EventEmission, EmissionFastPath],
})
export class EventosModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(EmissionFastPath).forRoutes({ path: 'admin/eventos', method: RequestMethod.POST });
  }
}
