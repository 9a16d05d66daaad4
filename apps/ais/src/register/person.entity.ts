import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person in AIS's register, as first recorded. */
@Entity({ schema: 'ais', name: 'persons' })
export class PersonEntity {
  @PrimaryColumn('text', { name: 'person_id' }) personId: string;
  @Column('text', { nullable: true }) forename: string | null;
  @Column('text', { name: 'middle_names', nullable: true }) middleNames: string | null;
  @Column('text', { nullable: true }) surname: string | null;
  @Column('date', { name: 'date_of_birth', nullable: true }) dateOfBirth: string | null;
  @Column('text') gender: string;
  @Column('text', { nullable: true }) nationality: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
