export { composeEventHandlers, createPartContext, useComposedRefs } from './compose'
