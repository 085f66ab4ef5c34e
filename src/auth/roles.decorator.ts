import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Authentication, Role } from './actor';

export const ROLES_KEY = 'registry:roles';

/** The roles that may call a query that needs a token whatever PUBLIC_READ says; mutations have their roles in POLICY (policy.ts). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The roles of the ministry and the coordinators. */
export const WRITERS: Role[] = ['ADMIN', 'EDITOR', 'COORDINATOR'];

/** The verified actor of the request (the guard ensures there is one for every mutation and where @Roles is set). */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => GqlExecutionContext.create(context).getContext<Authentication>().actor,
);
