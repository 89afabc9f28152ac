export {
  EmailLinkLanding,
  type EmailLinkLandingProps,
  type EmailLinkLandingState,
} from './email-link-landing'
export { EmailLinkPending, type EmailLinkPendingProps } from './email-link-pending'
