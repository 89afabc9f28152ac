export { EmailLinkLanding, type EmailLinkLandingProps } from './email-link-landing'
export { EmailLinkPending, type EmailLinkPendingProps } from './email-link-pending'
