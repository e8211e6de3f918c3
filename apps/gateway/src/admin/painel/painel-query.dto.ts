import { IntersectionType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PageDto } from '#common';
import { NotificationFilterDto } from '../notificacoes/notification-query.dto.js';

/** The deliveries view's filters and page: the admin API's filters, an end of the range and a document number. */
export class PainelEntregasQueryDto extends IntersectionType(
  PickType(NotificationFilterDto, ['evento', 'destinatario', 'situacao', 'desde'] as const),
  PageDto,
) {
  /** The event happened before this instant (simulated clock). */
  @IsOptional()
  @IsDateString()
  ate?: string;

  /** Part of the Duimp, LPCO or other document number the payload names. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,30}$/, { message: 'numero aceita até 30 letras, dígitos ou hífens' })
  numero?: string;
}

/** The charts' window: the last `minutos` simulated minutes. */
export class PainelGraficosQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(1440)
  minutos: number = 60;
}
