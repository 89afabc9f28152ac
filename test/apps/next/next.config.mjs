// Nothing to configure: the package needs no `transpilePackages`, and the app loads no remote fonts,
// so `next build` runs without a network.
/** @type {import('next').NextConfig} */
const nextConfig = {}

export default nextConfig
