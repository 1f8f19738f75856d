import { Module } from '@nestjs/common';
import { Staff1763900000200 } from './1763900000200-staff';
import { CaseAssignment } from './case-assignment.entity';
import { CaseResponsibilityController } from './case-responsibility.controller';
import { CaseResponsibilityService } from './case-responsibility.service';
import { StaffMember } from './staff-member.entity';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';

export { CaseAssignment } from './case-assignment.entity';
export { StaffMember } from './staff-member.entity';

/** Staff of the outreach teams, their caseloads and case responsibility (assignments and transfers). */
@Module({
  controllers: [StaffController, CaseResponsibilityController],
  providers: [StaffService, CaseResponsibilityService],
})
export class StaffModule {}

export const staffEntities = [StaffMember, CaseAssignment];
export const staffMigrations = [Staff1763900000200];
/** Listed after the personal-data migrations (timestamp order), so the app module appends it at the end. */
export { StaffLoginSubject1763900000600 } from './1763900000600-staff-login-subject';
