export {
  EmailAddressManager,
  type EmailAddressManagerProps,
  type EmailAddressManagerStep,
} from './email-address-manager'
