import { Leak } from './leak'

export default function Page() {
  return <Leak />
}
