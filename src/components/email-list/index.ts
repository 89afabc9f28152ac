export { EmailList, type EmailListProps } from './email-list'
export {
  EmailListItem,
  EmailListItemAddress,
  EmailListItemBadges,
  type EmailListItemProps,
} from './email-list-item'
export {
  EmailListItemActions,
  EmailListItemMakePrimary,
  EmailListItemRemove,
  EmailListItemRemoveConfirm,
  EmailListItemRemoveReason,
  EmailListItemVerify,
} from './email-list-item-actions'
export { EmailListItems, type EmailListItemsProps } from './email-list-items'
