/**
 * The global decorator: the story inside a fresh QueryClient and an `EmailAddressesProvider` on the
 * story's emulator (fake origin, signed-in session), the step-up dialog (the demo's, with the code
 * filled in from the emulator's inbox), and the inbox panel.
 */
import { QueryClientProvider } from '@tanstack/react-query'
import type { Decorator } from '@storybook/react-vite'
import { type ReactNode, useState } from 'react'
import { EmailAddressesProvider, type ReverificationRequest, useLocalization } from '../src/index'
import {
  type EmulatorParameters,
  type MatrixCell as Cell,
  parametersOf,
  type StoryEmulator,
} from './emulator'
import { EmulatorInbox } from './emulator-inbox'
import { StepUpDialog } from '../playground/common/step-up-dialog'

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

/**
 * One cell of an all-states matrix. Its list is named after the cell ("Email addresses: Empty"), as an
 * app names each of several lists on one page, so that no two landmarks share a name.
 */
function MatrixCell({ cell, children }: { cell: Cell; children: ReactNode }) {
  const t = useLocalization()
  const own = cell.parameters.providerProps
  const localization = {
    ...own?.localization,
    emailList: { ...own?.localization?.emailList, title: `${t.emailList.title}: ${cell.name}` },
  }
  return (
    <section aria-label={cell.name} style={cellStyle}>
      <h3 style={cellTitleStyle}>{cell.name}</h3>
      <EmulatorFrame
        story={cell.story}
        inbox={false}
        provider
        reverificationDialog={cell.parameters.reverificationDialog ?? true}
        providerProps={{ ...own, localization }}
      >
        {children}
      </EmulatorFrame>
    </section>
  )
}

/** Wraps every story; configure it per story with `parameters.emulator` (`EmulatorParameters`). */
export const withEmulator: Decorator = (Story, context) => {
  const parameters = parametersOf(context)
  if (context.emulatorMatrix.length > 0) {
    return (
      <div style={matrixStyle}>
        {context.emulatorMatrix.map((cell) => (
          <MatrixCell key={cell.story.origin} cell={cell}>
            <Story />
          </MatrixCell>
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
  // Never wider than the page (a phone at 320 px has less than 24rem).
  gridTemplateColumns: 'repeat(auto-fill, minmax(min(24rem, 100%), 1fr))',
} as const
const cellStyle = {
  minInlineSize: 0,
  border: '1px dashed light-dark(#6b6b6b, #9ca3af)',
  borderRadius: 6,
  padding: '0.5rem 1rem',
} as const
const cellTitleStyle = {
  margin: '0 0 0.5rem',
  fontSize: 13,
  fontFamily: 'system-ui, sans-serif',
  color: 'light-dark(#3d3d3d, #d1d5db)',
} as const
