export { EmailList, type EmailListProps } from './email-list'
export {
  EmailListItem,
  EmailListItemActions,
  type EmailListItemContext,
  type EmailListItemProps,
} from './email-list-item'
