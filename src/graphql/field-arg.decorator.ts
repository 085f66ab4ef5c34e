import { Args, ArgsOptions, PARAM_ARGS_METADATA } from '@nestjs/graphql';

/**
 * Declares a field resolver's argument in the schema, as @Args does, but leaves the value where
 * graphql-js puts it: in the resolver's second parameter, `(parent, args, context)`. A relation
 * field without Nest parameter decorators is bound directly as the graphql-js resolver (see
 * NoArgs), which is what keeps a list's hundreds of relation calls cheap; @Args alone would put
 * every call back through Nest's parameter and pipe machinery. Only for plain values that
 * GraphQL's own types check completely (a Boolean, an enum), never for input objects.
 */
export function FieldArg(name: string, options: ArgsOptions): ParameterDecorator {
  return inSchemaOnly(Args(name, options));
}

/** An @Args declaration that adds the argument to the schema but gives the parameter no value of Nest's. */
export function inSchemaOnly(declare: ParameterDecorator): ParameterDecorator {
  return (target, key, index) => {
    declare(target, key, index);
    const params = { ...(Reflect.getMetadata(PARAM_ARGS_METADATA, target.constructor, key!) as Record<string, unknown>) };
    for (const param of Object.keys(params)) if (param.endsWith(`:${index}`)) delete params[param];
    Reflect.defineMetadata(PARAM_ARGS_METADATA, params, target.constructor, key!);
  };
}

/** The `current` argument of the lists of periods (memberships, roles). */
export interface CurrentArgs {
  current?: boolean | null;
}
