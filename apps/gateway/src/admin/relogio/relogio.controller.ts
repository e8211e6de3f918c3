import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ClockService, formatPortalDate } from '#clock';
import { PortalValidationException } from '#common';
import { NotificationRelay } from '#notifications';

const MAX_ADVANCE_MS = 400 * 24 * 60 * 60 * 1000;

export class AvancarRelogioDto {
  @IsOptional() @IsInt() @Min(0) @Max(MAX_ADVANCE_MS) ms?: number;
  @IsOptional() @IsInt() @Min(0) @Max(MAX_ADVANCE_MS / 1000) segundos?: number;
  @IsOptional() @IsInt() @Min(0) @Max(MAX_ADVANCE_MS / 60_000) minutos?: number;
  @IsOptional() @IsInt() @Min(0) @Max(400) dias?: number;
}

/** The simulated clock: retries and the 30-day auto-cancel follow it. */
@ApiTags('Relógio')
@Controller('admin/relogio')
export class RelogioController {
  constructor(
    private readonly clock: ClockService,
    private readonly relay: NotificationRelay,
  ) {}

  @Get()
  async read() {
    return this.view(await this.clock.now(), await this.clock.offsetMs());
  }

  /** Moves time forward, then hands every attempt that came due to the queue at once. */
  @Post('avancar')
  @HttpCode(200)
  async advance(@Body() dto: AvancarRelogioDto) {
    const ms = (dto.ms ?? 0) + (dto.segundos ?? 0) * 1000 + (dto.minutos ?? 0) * 60_000 + (dto.dias ?? 0) * 86_400_000;
    if (ms <= 0) {
      throw new PortalValidationException([
        { code: 'AVANCO_OBRIGATORIO', field: 'ms', message: 'Informe quanto avançar: ms, segundos, minutos ou dias.' },
      ]);
    }
    const now = await this.clock.advance(ms);
    const liberadas = await this.relay.relayDue();
    return { ...this.view(now, await this.clock.offsetMs()), notificacoesLiberadas: liberadas };
  }

  private view(now: Date, offsetMs: number) {
    return { agora: now.toISOString(), agoraPortal: formatPortalDate(now), deslocamentoMs: offsetMs };
  }
}
