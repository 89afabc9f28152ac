'use client'
// One QueryClient per browser tab (per request on the server), as TanStack Query's Next.js guide
// does. A minute of staleTime keeps the list the server prefetched from being fetched again at once.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } }),
  )
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
}
