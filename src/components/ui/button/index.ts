export { Button, type ButtonProps, LabelledButton } from './button'
