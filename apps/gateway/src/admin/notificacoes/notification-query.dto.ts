import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import type { NotificationStatus } from '#database';

export class NotificationFilterDto {
  /** Catalogue id, e.g. `dimp-registro`. */
  @IsOptional()
  @IsString()
  evento?: string;

  /** The event occurrence returned by `POST /admin/eventos`. */
  @IsOptional()
  @IsUUID()
  eventoId?: string;

  /** UF, órgão or NI of the recipient. */
  @IsOptional()
  @IsString()
  destinatario?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  assinatura?: number;

  @IsOptional()
  @IsIn(['PENDENTE', 'ENTREGUE', 'FALHA', 'CANCELADA'])
  situacao?: NotificationStatus;

  /** Created at or after this instant. */
  @IsOptional()
  @IsDateString()
  desde?: string;
}

export class ListNotificationsDto extends NotificationFilterDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 100;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;
}

export class WaitNotificationsDto extends NotificationFilterDto {
  /** How long to block, at most. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(600_000)
  timeoutMs: number = 30_000;

  /** Wait also until at least this many notifications match. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minimo: number = 1;
}
