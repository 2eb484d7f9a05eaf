import { ApiProperty } from '@nestjs/swagger';

/** `GET /api/health`: the process answers. */
export class HealthStatus {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

/** `GET /api/ready`: the database answers and every migration has run (otherwise 503). */
export class ReadyStatus {
  @ApiProperty({ enum: ['ready'] }) status: 'ready';
}
