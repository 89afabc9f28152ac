export { EmailAddressManager, type EmailAddressManagerProps } from './email-address-manager'
