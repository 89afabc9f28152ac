/**
 * The global decorator: the story inside a fresh QueryClient and an `EmailAddressesProvider` on the
 * story's emulator (fake origin, signed-in session), the step-up dialog (the demo's, with the code
 * filled in from the emulator's inbox), and the inbox panel.
 */
import { QueryClientProvider } from '@tanstack/react-query'
import type { Decorator } from '@storybook/react-vite'
import { type ReactNode, useState } from 'react'
import { EmailAddressesProvider, type ReverificationRequest } from '../src/index'
import { type EmulatorParameters, parametersOf, type StoryEmulator } from './emulator'
import { EmulatorInbox } from './emulator-inbox'
import { StepUpDialog } from '../demo/step-up-dialog'

function EmulatorFrame({
  story,
  inbox,
  provider,
  reverificationDialog,
  providerProps,
  children,
}: {
  story: StoryEmulator
  inbox: boolean
  provider: boolean
  reverificationDialog: boolean
  providerProps: EmulatorParameters['providerProps']
  children: ReactNode
}) {
  const [pending, setPending] = useState<ReverificationRequest | null>(null)
  const content = provider ? (
    <QueryClientProvider client={story.queryClient}>
      <EmailAddressesProvider
        frontendApi={story.origin}
        sessionId={story.emulator.signedIn.sessionId}
        onReverificationRequired={reverificationDialog ? setPending : undefined}
        {...providerProps}
      >
        {children}
      </EmailAddressesProvider>
    </QueryClientProvider>
  ) : (
    children
  )
  return (
    <>
      {content}
      {reverificationDialog && provider && (
        <StepUpDialog
          fapiUrl={story.origin}
          sessionId={story.emulator.signedIn.sessionId}
          request={pending}
          onSettled={() => setPending(null)}
          prefillCode={(to) => {
            const sent = story.emulator.latestMessage(to)
            return sent?.purpose === 'reverification' ? (sent.code ?? undefined) : undefined
          }}
          hint="Filled in from the emulator's inbox; type another code to see the error."
        />
      )}
      {inbox && <EmulatorInbox emulator={story.emulator} />}
    </>
  )
}

/** Wraps every story; configure it per story with `parameters.emulator` (`EmulatorParameters`). */
export const withEmulator: Decorator = (Story, context) => {
  const parameters = parametersOf(context)
  if (context.emulatorMatrix.length > 0) {
    return (
      <div style={matrixStyle}>
        {context.emulatorMatrix.map((cell) => (
          <section key={cell.story.origin} aria-label={cell.name} style={cellStyle}>
            <h3 style={cellTitleStyle}>{cell.name}</h3>
            <EmulatorFrame
              story={cell.story}
              inbox={false}
              provider
              reverificationDialog={cell.parameters.reverificationDialog ?? true}
              providerProps={cell.parameters.providerProps}
            >
              <Story />
            </EmulatorFrame>
          </section>
        ))}
      </div>
    )
  }
  return (
    <EmulatorFrame
      // A new emulator (after a re-run of beforeEach) starts a new frame: no state carries over.
      key={context.storyEmulator.origin}
      story={context.storyEmulator}
      inbox={parameters.inbox ?? true}
      provider={parameters.provider ?? true}
      reverificationDialog={parameters.reverificationDialog ?? true}
      providerProps={parameters.providerProps}
    >
      <Story />
    </EmulatorFrame>
  )
}

const matrixStyle = {
  display: 'grid',
  gap: '1.5rem',
  gridTemplateColumns: 'repeat(auto-fill, minmax(24rem, 1fr))',
} as const
const cellStyle = { border: '1px dashed #6b6b6b', borderRadius: 6, padding: '0.5rem 1rem' } as const
const cellTitleStyle = {
  margin: '0 0 0.5rem',
  fontSize: 13,
  fontFamily: 'system-ui, sans-serif',
  color: '#3d3d3d',
} as const
