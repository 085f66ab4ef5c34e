import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RegionKind } from './region.enums';

@ObjectType({ description: 'A Land, a Region (Regionalverband) or a Stadt-/Landkreis.' })
export class Region {
  @Field(() => ID, { description: 'The region id.' })
  id: string;

  @Field({ description: 'The official name, e.g. Heilbronn-Franken.' })
  name: string;

  @Field(() => RegionKind, { description: 'Land, region or district.' })
  kind: RegionKind;

  @Field(() => String, { nullable: true, description: 'Amtlicher Regionalschlüssel or Kreisschlüssel, e.g. "08" for Baden-Württemberg.' })
  code: string | null;

  parentId: string | null;
}
