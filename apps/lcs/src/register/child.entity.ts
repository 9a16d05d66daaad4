import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A child in LCS's register, as first recorded. */
@Entity({ schema: 'lcs', name: 'children' })
export class ChildEntity {
  @PrimaryColumn('text', { name: 'child_id' }) childId: string;
  @Column('text', { nullable: true }) surname: string | null;
  @Column('text', { nullable: true }) forenames: string | null;
  @Column('date', { name: 'date_of_birth', nullable: true }) dateOfBirth: string | null;
  @Column('text') gender: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
