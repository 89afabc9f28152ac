/**
 * Every story of the built Storybook, screenshotted once in light at 1024 px and checked for
 * overflow at 320 px; the stories of the main screens also in dark, right to left, unstyled and at
 * 375 px (with axe in each of those). Baselines: `baselines/<mode>/<story id>.png`, each the story
 * with 8 px around it.
 */
import {
  expect,
  expectStoryScreenshot,
  type ModeName,
  overflowAt,
  storyIndex,
  test,
} from './support'

const stories = storyIndex()

/** The main screens, and the modes each is also looked at in (light at 1024 px: every story). */
const MAIN: Record<string, ModeName[]> = {
  'email-addresses-emailaddressmanager--default': ['dark', 'rtl', 'unstyled', 'mobile'],
  'email-addresses-emailaddressmanager--verify-step': ['dark', 'rtl', 'unstyled', 'mobile'],
  'email-addresses-emailaddressmanager--wrong-code': ['dark', 'rtl', 'unstyled', 'mobile'],
  'email-addresses-emailaddressmanager--remove-confirmation': ['dark', 'rtl', 'unstyled', 'mobile'],
  'email-addresses-emailaddressmanager--add-form': ['dark', 'rtl', 'unstyled', 'mobile'],
  'email-addresses-emailaddressmanager--link-pending': ['dark', 'rtl', 'mobile'],
  'email-addresses-emailaddressmanager--rate-limited': ['dark', 'mobile'],
  'email-addresses-emailaddressmanager--dark-theme': ['mobile'],
  'email-addresses-emailaddressmanager--unstyled': ['dark', 'rtl', 'mobile'],
  'email-addresses-emaillist--default': ['dark', 'rtl', 'unstyled', 'mobile'],
  'email-addresses-addemailform--invalid-format': ['dark', 'rtl', 'unstyled', 'mobile'],
  'email-addresses-verifycodeinput--incomplete': ['dark', 'rtl', 'unstyled', 'mobile'],
  'styling-next-to-shadcn--default': ['dark', 'rtl', 'mobile'],
}

test('the main screens are all in the built Storybook', () => {
  const ids = new Set(stories.map((story) => story.id))
  expect(Object.keys(MAIN).filter((id) => !ids.has(id))).toEqual([])
})

for (const story of stories) {
  test(`light · ${story.title} › ${story.name}`, async ({ storybook }) => {
    const page = await storybook.show('light', story)
    // Before the screenshot, which hides the inbox: the inbox must fit a phone too.
    expect(await overflowAt(page, 320), 'wider than a 320 px phone').toEqual([])
    await expectStoryScreenshot(page, 'light', story)
  })
}

for (const mode of ['dark', 'rtl', 'unstyled', 'mobile'] as const) {
  for (const story of stories.filter((entry) => MAIN[entry.id]?.includes(mode))) {
    test(`${mode} · ${story.title} › ${story.name}`, async ({ storybook }) => {
      const page = await storybook.show(mode, story)
      await expectStoryScreenshot(page, mode, story)
    })
  }
}
