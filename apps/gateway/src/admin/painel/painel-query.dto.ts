import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { NOTIFICATION_STATUSES, type NotificationStatus } from '#notifications';

/** The deliveries view's filters and page. */
export class PainelEntregasQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(40)
  evento?: string;

  /** UF, órgão or NI of the recipient. */
  @IsOptional()
  @IsString()
  @MaxLength(20)
  destinatario?: string;

  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES)
  situacao?: NotificationStatus;

  /** The event happened at or after this instant (simulated clock). */
  @IsOptional()
  @IsDateString()
  desde?: string;

  /** The event happened before this instant (simulated clock). */
  @IsOptional()
  @IsDateString()
  ate?: string;

  /** Part of the Duimp, LPCO or other document number the payload names. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,30}$/, { message: 'numero aceita até 30 letras, dígitos ou hífens' })
  numero?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;
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
