import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Args, GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { inSchemaOnly } from './field-arg.decorator';
import type { RequestContext } from './request-context';
import type { RequestLoaders } from './request-loaders';
import { DateScalar } from './scalars';

/**
 * A query reads as of a day, all the way down: the day its root field was asked for (asOf) or,
 * without one, today. Two root fields of one document may ask for different days, so the day is
 * kept per root field, by response key, and every field below finds it by walking its path up to
 * the root. Mutations and anything else read as of today.
 */

/** The response key of the root field that a field's value lies below. */
function rootFieldOf(info: Pick<GraphQLResolveInfo, 'path'>): string {
  let path = info.path;
  while (path.prev) path = path.prev;
  return String(path.key);
}

/** The day the field's root field reads as of. */
export function dayOf(context: RequestContext, info: Pick<GraphQLResolveInfo, 'path'>): string {
  return context.asOf.get(rootFieldOf(info)) ?? context.today;
}

/** The request's loaders for the day the field's root field reads as of. */
export function loadersOf(context: RequestContext, info: Pick<GraphQLResolveInfo, 'path'>): RequestLoaders {
  const day = dayOf(context, info);
  if (day === context.today) return context.loaders;
  let loaders = context.loadersByDay.get(day);
  if (!loaders) context.loadersByDay.set(day, (loaders = context.loaders.on(day)));
  return loaders;
}

/** The day a root field's value is read as of: fixed here, for the whole query below it. */
const rootDay = createParamDecorator((_data: unknown, execution: ExecutionContext): string => {
  const gql = GqlExecutionContext.create(execution);
  const context = gql.getContext<RequestContext>();
  const day = gql.getArgs<{ asOf?: string | null }>().asOf ?? context.today;
  context.asOf.set(rootFieldOf(gql.getInfo<GraphQLResolveInfo>()), day);
  return day;
});

/**
 * A root query's `asOf: Date` argument (a real calendar day, or BAD_USER_INPUT naming asOf, as
 * every Date). The parameter is the day itself, today when none was given, and every field
 * below the root field reads as of it (dayOf, loadersOf).
 */
export function AsOf(description = AS_OF): ParameterDecorator {
  const declare = inSchemaOnly(Args('asOf', { type: () => DateScalar, nullable: true, description }));
  return (target, key, index) => {
    declare(target, key, index);
    rootDay()(target, key, index);
  };
}

const AS_OF =
  'The day to answer as of (default: today in Baden-Württemberg), all the way down the query: names, current memberships and roles, leads and agreement statuses of that day; alliances founded, meetings held and releases published after it are left out.';
