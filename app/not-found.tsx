import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-brand-700">404</p>
        <h1 className="mt-2 text-2xl font-semibold text-stone-900">Page not found</h1>
        <p className="mt-2 text-sm text-stone-600">This page doesn&apos;t exist, or you don&apos;t have access to it.</p>
        <Link href="/" className="mt-6 inline-block text-sm font-semibold text-brand-700 hover:underline">
          Back to Needs my action
        </Link>
      </div>
    </main>
  );
}
