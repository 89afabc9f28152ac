import type { ReactNode } from 'react'
import 'react-email-addresses/styles.css'
import { Providers } from './providers'

export const metadata = { title: 'Account settings' }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  )
}
