import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { PageDto } from '#common';
import { NOTIFICATION_STATUSES, type NotificationStatus } from '#notifications';

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
  @IsIn(NOTIFICATION_STATUSES)
  situacao?: NotificationStatus;

  /** Created at or after this instant. */
  @IsOptional()
  @IsDateString()
  desde?: string;
}

export class ListNotificationsDto extends IntersectionType(NotificationFilterDto, PageDto) {}

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
