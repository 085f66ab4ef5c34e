import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { RequestContext } from '../graphql/request-context';
import { Role } from './actor';

export const ROLES_KEY = 'registry:roles';

/** The roles that may call an operation; stated next to every mutation. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The roles of the ministry and the coordinators: who may write at all. */
export const WRITERS: Role[] = ['ADMIN', 'EDITOR', 'COORDINATOR'];

/** The verified actor of the request (the guard ensures there is one where @Roles is set). */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => GqlExecutionContext.create(context).getContext<RequestContext>().actor,
);
