import { ApiProperty } from '@nestjs/swagger';
import { ScopeDto } from '../goals/goals.dto';

/** A goal's status in one area or team of its scope, with the figures behind it. */
export class BreakdownCellView {
  @ApiProperty({ example: 'tingbjerg', description: 'Området eller teamet' }) key: string;
  @ApiProperty({ type: ScopeDto, description: 'Målets scope indsnævret til området eller teamet' }) scope: ScopeDto;
  @ApiProperty({ enum: ['met', 'partly-met', 'not-met', 'not-assessed'] }) status: string;
  @ApiProperty() statusLabel: string;
  @ApiProperty({ type: Number, nullable: true }) realised: number | null;
  @ApiProperty({ type: Number, nullable: true }) target: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) numerator: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) denominator: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) populationSize: number | null;
}
