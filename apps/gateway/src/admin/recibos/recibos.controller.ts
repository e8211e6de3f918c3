import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { verifyReceiptChain } from '#receipts';

export class ListReceiptsDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 100;

  /** Receipts after this sequence number. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  apos: number = 0;
}

/** The receipts (every HTTP 200) and the verification of their hash chain. */
@ApiTags('Recibos')
@Controller('admin/recibos')
export class RecibosController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  list(@Query() query: ListReceiptsDto) {
    return this.dataSource.query(
      `SELECT seq, notification_id AS notificacao, attempt_id AS tentativa, evento, endpoint, received_at AS "recebidoEm",
              payload_sha256 AS "payloadSha256", prev_hash AS "hashAnterior", hash
         FROM receipt WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [query.apos, query.limit],
    );
  }

  /** Recomputes every hash; names the first broken link. */
  @Get('verificacao')
  verify() {
    return verifyReceiptChain(this.dataSource);
  }
}
